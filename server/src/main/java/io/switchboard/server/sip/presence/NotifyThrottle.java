package io.switchboard.server.sip.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** NOTIFYs of one fan-out sent by one worker in a row. */
    static final int FAN_OUT_BATCH = 128;

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
        if (dueNow(subscription, send)) {
            send.accept(subscription);
        }
    }

    /**
     * {@link #request} for every subscription of a fan-out (one presentity, many watchers). Those
     * due now are sent in batches of {@link #FAN_OUT_BATCH} spread over the workers, the first
     * batch on the calling thread: one worker building and sending 1,000 NOTIFYs one after the
     * other made the last watcher wait for all the others (docs/benchmarks.md, 2026-12-03).
     * Order within one subscription is kept by {@link Notifier}, which sends a subscription's
     * NOTIFYs one at a time and builds each from the state at send time.
     */
    public void requestAll(List<Subscription> subscriptions, Consumer<Subscription> send) {
        List<Subscription> due = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (dueNow(subscription, send)) {
                due.add(subscription);
            }
        }
        for (int from = FAN_OUT_BATCH; from < due.size(); from += FAN_OUT_BATCH) {
            List<Subscription> batch = due.subList(from, Math.min(due.size(), from + FAN_OUT_BATCH));
            try {
                workers.execute(() -> batch.forEach(send));
            } catch (RejectedExecutionException full) {
                // a due NOTIFY must go out (its subscription waits for it): send it here
                batch.forEach(send);
            }
        }
        due.subList(0, Math.min(due.size(), FAN_OUT_BATCH)).forEach(send);
    }

    /** True when the NOTIFY is to be sent now; otherwise it is scheduled or already due. */
    private boolean dueNow(Subscription subscription, Consumer<Subscription> send) {
        if (!subscription.scheduleNotify()) {
            return false; // one is already due; it will carry this change too
        }
        Instant due = subscription.lastNotifyAt().plus(interval);
        long waitMillis = Duration.between(clock.instant(), due).toMillis();
        if (waitMillis <= 0) {
            return true;
        }
        try {
            // the timer thread only hands over: sending may block on a TCP connect
            timers.schedule(() -> handOver(subscription, send), waitMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: nobody is left to tell
        }
        return false;
    }

    private void handOver(Subscription subscription, Consumer<Subscription> send) {
        try {
            workers.execute(() -> send.accept(subscription));
        } catch (RejectedExecutionException stopping) {
            // the server is stopping
        }
    }
}
