package io.switchboard.server.sip.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rate-limits state NOTIFYs (RFC 3856 §6.10): at most one per interval to each watcher of a
 * presentity. A change inside the interval schedules one NOTIFY for its end, and further changes
 * until then only ride along — it is built when it is sent, so the last state wins and nothing
 * in between is sent. Initial and final NOTIFYs bypass the throttle (the subscription needs them).
 */
public final class NotifyThrottle {

    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Executor workers;

    public NotifyThrottle(Duration interval, Clock clock, ScheduledExecutorService timers, Executor workers) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** Sends {@code subscription}'s state through {@code send} now or at the end of its interval. */
    public void request(Subscription subscription, Consumer<Subscription> send) {
        if (!subscription.scheduleNotify()) {
            return; // one is already due; it will carry this change too
        }
        Instant due = subscription.lastNotifyAt().plus(interval);
        long waitMillis = Duration.between(clock.instant(), due).toMillis();
        if (waitMillis <= 0) {
            send.accept(subscription);
            return;
        }
        try {
            // the timer thread only hands over: sending may block on a TCP connect
            timers.schedule(() -> handOver(subscription, send), waitMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: nobody is left to tell
        }
    }

    private void handOver(Subscription subscription, Consumer<Subscription> send) {
        try {
            workers.execute(() -> send.accept(subscription));
        } catch (RejectedExecutionException stopping) {
            // the server is stopping
        }
    }
}
