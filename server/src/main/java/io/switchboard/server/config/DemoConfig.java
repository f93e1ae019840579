package io.switchboard.server.config;

/**
 * @param seedUsers create the demo users (alice, bob, ... with password "demo") at start-up;
 *                  never enable this on a server other people can reach
 */
public record DemoConfig(boolean seedUsers) {

    public static DemoConfig defaults() {
        return new DemoConfig(false);
    }

    public DemoConfig withSeedUsers(boolean seed) {
        return new DemoConfig(seed);
    }
}
