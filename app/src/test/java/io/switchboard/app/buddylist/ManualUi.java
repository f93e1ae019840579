package io.switchboard.app.buddylist;

import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.UiDispatcher;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A UI thread the test drives by hand: tasks queue up until {@link #runPending()}, which runs
 * them on the calling thread, the way a burst of events waits for the next FX pulse.
 * Background work runs at once; its outcome is queued like every other UI task.
 */
final class ManualUi implements UiDispatcher, Background {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private int lastRunCount;

    @Override
    public void run(Runnable task) {
        tasks.add(task);
    }

    @Override
    public boolean isUiThread() {
        return false;
    }

    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Exception> onFailure) {
        try {
            T result = work.call();
            run(() -> onSuccess.accept(result));
        } catch (Exception e) {
            run(() -> onFailure.accept(e));
        }
    }

    int pending() {
        return tasks.size();
    }

    /** How many tasks the last {@link #runPending()} ran. */
    int lastRunCount() {
        return lastRunCount;
    }

    /** Runs every queued task, also those queued meanwhile; returns the longest one in nanoseconds. */
    long runPending() {
        long longest = 0;
        lastRunCount = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            long start = System.nanoTime();
            task.run();
            longest = Math.max(longest, System.nanoTime() - start);
            lastRunCount++;
        }
        return longest;
    }
}
