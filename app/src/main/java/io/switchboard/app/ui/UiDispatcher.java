package io.switchboard.app.ui;

/**
 * The one way protocol callbacks reach the UI: view models hand every change of observable
 * state to the dispatcher, which runs it on the UI thread. Production uses
 * {@link FxDispatcher}; view-model tests use a direct dispatcher and need no display.
 */
public interface UiDispatcher {

    /** Runs {@code task} on the UI thread: now if already there, else soon, in submission order. */
    void run(Runnable task);

    boolean isUiThread();

    /**
     * Queues {@code task} behind the UI work already waiting (input, layout), even when called
     * on the UI thread: how long work splits itself into short tasks. Dispatchers whose
     * {@link #run} always queues, or that run everything at once (tests), need not override it.
     */
    default void runLater(Runnable task) {
        run(task);
    }
}
