package io.switchboard.server.cli;

/**
 * A built server as the launcher drives it: {@code start} binds the listeners,
 * {@code awaitShutdown} blocks the launching thread until the server has stopped, and
 * {@code stop} (idempotent, callable from any thread, e.g. the JVM shutdown hook) closes
 * the listeners and sessions. The launcher closes the database afterwards.
 */
public interface ServerRuntime {

    void start() throws Exception;

    void awaitShutdown() throws InterruptedException;

    void stop();

    /** Where the people directory is, for the start-up message, once started; empty without one. */
    default java.util.Optional<String> directoryDescription() {
        return java.util.Optional.empty();
    }
}
