package io.switchboard.app.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose time only moves when a test says so. */
public final class ManualScheduler implements Scheduler {

    private record Task(long dueMillis, Runnable task, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowMillis;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(nowMillis + delay.toMillis(), task, new boolean[1]);
        tasks.add(t);
        return () -> t.cancelled()[0] = true;
    }

    /**
     * Moves time forward, running every task that falls due, in due order; the clock stands at
     * each task's due time while it runs, so a task that schedules another one (a ticking
     * countdown) sees its follow-up fall due within the same advance.
     */
    public void advance(Duration by) {
        long until;
        synchronized (this) {
            until = nowMillis + by.toMillis();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.dueMillis() <= until)
                        .min((a, b) -> Long.compare(a.dueMillis(), b.dueMillis())).orElse(null);
                if (next == null) {
                    nowMillis = until;
                    return;
                }
                tasks.remove(next);
                nowMillis = Math.max(nowMillis, next.dueMillis());
            }
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
