package io.switchboard.sip.ua.transaction;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Warns about hostile or broken network input at most once per interval and logs the rest at
 * DEBUG, never with a stack trace at WARN: a peer that floods bad messages cannot flood the log.
 * Thread-safe.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextWarning = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    public void warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long next = nextWarning.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextWarning.compareAndSet(next, now + intervalNanos)) {
            long dropped = suppressed.getAndSet(0);
            log.warn(format + (dropped > 0 ? " (" + dropped + " similar suppressed)" : ""), arguments);
        } else {
            suppressed.incrementAndGet();
            log.debug(format, arguments);
        }
    }
}
