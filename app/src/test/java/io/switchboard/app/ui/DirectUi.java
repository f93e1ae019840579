package io.switchboard.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * For view-model tests without a display: the "UI thread" is whichever thread calls, and
 * background work runs at once. Session events arrive on the session's event thread, so tests
 * wait for their effect with Awaitility.
 */
public final class DirectUi implements UiDispatcher, Background {

    @Override
    public void run(Runnable task) {
        synchronized (this) {
            task.run();
        }
    }

    @Override
    public boolean isUiThread() {
        return true;
    }

    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            run(() -> onFailure.accept(e));
            return;
        }
        run(() -> onSuccess.accept(result));
    }
}
