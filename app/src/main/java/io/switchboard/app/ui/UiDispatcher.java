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
}
