package io.switchboard.app.ui;

import javafx.application.Platform;

/** {@link UiDispatcher} onto the JavaFX application thread. */
public final class FxDispatcher implements UiDispatcher {

    @Override
    public void run(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    @Override
    public void runLater(Runnable task) {
        Platform.runLater(task);
    }

    @Override
    public boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }
}
