package io.switchboard.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (network calls of the session's services) off the UI thread and hands
 * the outcome back on it. View models never block the UI thread; they submit here.
 * Tests use an implementation that runs everything at once on the calling thread.
 */
public interface Background {

    /**
     * Runs {@code work} on a worker; then {@code onSuccess} or {@code onFailure} on the UI thread.
     */
    <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);
}
