package io.switchboard.app.directory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor whose tasks run only when the test says: a search "in flight" is a task not yet run. */
final class QueuedExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the oldest task; false when there is none. */
    boolean runNext() {
        Runnable next;
        synchronized (this) {
            next = tasks.poll();
        }
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs tasks (and the tasks they queue) until none is left. */
    void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    synchronized int pending() {
        return tasks.size();
    }
}
