package io.switchboard.app.buddylist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TaskBudgetTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aTimeBudgetStopsWhenItsTimeIsUpButNotBeforeTheMinimum() {
        TaskBudget budget = TaskBudget.time(Duration.ofMillis(8), 25, nanos::get);
        TaskBudget.Meter meter = budget.start();

        assertThat(meter.exhausted(1_000)).as("fast machine: time left").isFalse();
        nanos.addAndGet(Duration.ofMillis(9).toNanos());
        assertThat(meter.exhausted(10)).as("slow machine: still below the minimum").isFalse();
        assertThat(meter.exhausted(25)).isTrue();

        TaskBudget.Meter next = budget.start();
        assertThat(next.exhausted(25)).as("each task starts its own clock").isFalse();
    }

    @Test
    void aCountBudgetStopsAtTheCount() {
        TaskBudget.Meter meter = TaskBudget.count(100).start();
        assertThat(meter.exhausted(99)).isFalse();
        assertThat(meter.exhausted(100)).isTrue();
    }
}
