package io.switchboard.server.sip.transport;

import io.switchboard.server.config.SipRateLimitConfig;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-source request budget in fixed windows, the way Kamailio's pike module counts: at most
 * {@code requests} per source per window. The first request over budget in a window is to be
 * answered with 503 and Retry-After; the rest of that window's excess is dropped, so a flood is
 * not answered with a flood. Each source has its own budget: one flooder does not stop others.
 *
 * <p>Windows of sources that went quiet are forgotten lazily, so memory stays bounded by the
 * sources active within one window (plus a sweep when the table grows). Thread-safe.
 */
public final class SourceRateLimiter {

    /** What to do with one request. */
    public enum Verdict { ALLOW, REJECT, DROP }

    /** Above this many tracked sources, a request triggers a sweep of expired windows. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int requests;
    private final long windowMillis;
    private final SipRateLimitConfig.SourceKey key;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public SourceRateLimiter(SipRateLimitConfig config, Clock clock) {
        this.requests = config.requests();
        this.windowMillis = config.windowSeconds() * 1000L;
        this.key = Objects.requireNonNull(config.key(), "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Seconds a refused source should wait: the window length. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, windowMillis / 1000);
    }

    public Verdict check(SipSource source) {
        long now = clock.millis();
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> w.expired(now, windowMillis));
        }
        String sourceKey = key == SipRateLimitConfig.SourceKey.ADDRESS
                ? source.address()
                : source.address() + ":" + source.port();
        Window window = windows.compute(sourceKey, (k, w) ->
                w == null || w.expired(now, windowMillis) ? new Window(now) : w);
        return window.count(requests);
    }

    /** Tracked sources, for tests and diagnostics. */
    int trackedSources() {
        return windows.size();
    }

    private static final class Window {
        private final long start;
        private int count;
        private boolean rejected;

        Window(long start) {
            this.start = start;
        }

        boolean expired(long now, long windowMillis) {
            return now - start >= windowMillis;
        }

        synchronized Verdict count(int budget) {
            count++;
            if (count <= budget) {
                return Verdict.ALLOW;
            }
            if (!rejected) {
                rejected = true;
                return Verdict.REJECT;
            }
            return Verdict.DROP;
        }
    }
}
