package io.switchboard.app.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose time only moves when a test says so. */
final class ManualScheduler implements Scheduler {

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

    /** Moves time forward, running every task that falls due, in due order. */
    void advance(Duration by) {
        long until;
        synchronized (this) {
            nowMillis += by.toMillis();
            until = nowMillis;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.dueMillis() <= until)
                        .min((a, b) -> Long.compare(a.dueMillis(), b.dueMillis())).orElse(null);
                if (next == null) {
                    return;
                }
                tasks.remove(next);
            }
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
