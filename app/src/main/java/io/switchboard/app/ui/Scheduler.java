package io.switchboard.app.ui;

import java.time.Duration;

/**
 * Runs a task later on the UI thread. The chat view model uses it for "paused typing"; tests
 * inject a manual scheduler so no test waits for real time.
 */
public interface Scheduler {

    /** Runs {@code task} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be stopped. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
