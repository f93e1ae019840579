package io.switchboard.server.config;

/**
 * @param seedUsers create the demo users (alice, bob, ... with password "demo") at start-up;
 *                  never enable this on a server other people can reach
 * @param bots      with {@code seedUsers}: sign a few demo colleagues in inside the server, who
 *                  change presence and answer chats, so the demo feels alive
 */
public record DemoConfig(boolean seedUsers, boolean bots) {

    public static DemoConfig defaults() {
        return new DemoConfig(false, true);
    }

    public DemoConfig withSeedUsers(boolean seed) {
        return new DemoConfig(seed, bots);
    }

    public DemoConfig withBots(boolean enabled) {
        return new DemoConfig(seedUsers, enabled);
    }

    /** Whether the server should start the demo bots. */
    public boolean botsEnabled() {
        return seedUsers && bots;
    }
}
