package io.switchboard.app.buddylist;

import io.switchboard.app.ui.UiDispatcher;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A UI thread the test drives by hand: tasks queue up until {@link #runPending()}, which runs
 * them on the calling thread, the way a burst of events waits for the next FX pulse.
 */
final class ManualUi implements UiDispatcher {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void run(Runnable task) {
        tasks.add(task);
    }

    @Override
    public boolean isUiThread() {
        return false;
    }

    int pending() {
        return tasks.size();
    }

    /** Runs every queued task; returns the longest one in nanoseconds. */
    long runPending() {
        long longest = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            long start = System.nanoTime();
            task.run();
            longest = Math.max(longest, System.nanoTime() - start);
        }
        return longest;
    }
}
