package io.switchboard.app.buddylist;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How much contact-list work one UI task may do before it hands the rest to a later task, so a
 * sign-in with thousands of contacts never holds the UI thread long. A fixed count was either
 * too small warm (2,000 contacts took 20 tasks, each followed by a pulse that re-laid out the
 * list) or too big cold (100 changes took tens of milliseconds in the interpreter); a time
 * budget adapts to both.
 */
@FunctionalInterface
interface TaskBudget {

    /** Starts measuring one UI task. */
    Meter start();

    @FunctionalInterface
    interface Meter {
        /** True when a task that has applied {@code applied} changes so far should stop. */
        boolean exhausted(int applied);
    }

    /** Stops after {@code time}, but not before {@code atLeast} changes, so every task makes progress. */
    static TaskBudget time(Duration time, int atLeast, LongSupplier nanoClock) {
        long budget = time.toNanos();
        return () -> {
            long start = nanoClock.getAsLong();
            return applied -> applied >= atLeast && nanoClock.getAsLong() - start >= budget;
        };
    }

    /** Exactly {@code changes} per task: deterministic, for tests that count tasks. */
    static TaskBudget count(int changes) {
        return () -> applied -> applied >= changes;
    }
}
