package io.switchboard.app.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Background} on an executor, reporting back through the {@link UiDispatcher}. */
public final class ExecutorBackground implements Background {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorBackground.class);

    private final Executor workers;
    private final UiDispatcher ui;

    public ExecutorBackground(Executor workers, UiDispatcher ui) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Exception> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                ui.run(() -> onSuccess.accept(result));
            } catch (Exception e) {
                LOG.info("{} failed: {}", what, e.getMessage());
                LOG.debug("{} failed", what, e);
                ui.run(() -> onFailure.accept(e));
            }
        });
    }
}
