package io.switchboard.sip.stack;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a message JAIN-SIP could not parse: one DEBUG line each (the first line of the
 * message, shortened — never the whole packet, never a stack trace), and a WARN summary at most
 * once per interval with the count since the last summary, so a peer sending garbage cannot flood
 * the log. The first malformed message after a quiet interval is summarised at once. Thread-safe.
 */
final class MalformedMessageLog {

    /** The SLF4J logger name of malformed-message reports. */
    static final String LOGGER = "io.switchboard.sip.malformed";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_EXCERPT = 120;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastSummary;

    MalformedMessageLog(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lastSummary = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
    }

    /** The JVM-wide log JAIN-SIP's (JVM-wide) stack logger reports to. */
    static final MalformedMessageLog SHARED = new MalformedMessageLog(Duration.ofMinutes(1), System::nanoTime);

    /**
     * Records one malformed message.
     *
     * @param report JAIN-SIP's text about it, which contains (part of) the message
     * @return true when this call wrote the WARN summary
     */
    boolean record(String report) {
        String excerpt = excerpt(report);
        LOG.debug("Malformed SIP message dropped: {}", excerpt);
        long total = count.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastSummary.get();
        if (now - last < intervalNanos || !lastSummary.compareAndSet(last, now)) {
            return false;
        }
        long reported = count.getAndAdd(-total) > 0 ? total : 0;
        LOG.warn("{} malformed SIP message(s) dropped since the last report; latest: {} (each one at DEBUG on {})",
                reported, excerpt, LOGGER);
        return true;
    }

    /** The first line, without control characters, shortened: a log line, not the packet. */
    static String excerpt(String report) {
        if (report == null) {
            return "";
        }
        String text = report.strip();
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        StringBuilder clean = new StringBuilder();
        line.codePoints().limit(MAX_EXCERPT)
                .forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return line.length() > MAX_EXCERPT ? clean + "..." : clean.toString();
    }
}
