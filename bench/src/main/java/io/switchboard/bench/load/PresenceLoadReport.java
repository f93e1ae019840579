package io.switchboard.bench.load;

import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The numbers of one presence-load run, flat so they serialise to one JSON line that the
 * orchestration script compares between servers. Latencies in milliseconds, memory in bytes.
 */
public record PresenceLoadReport(
        String label, int users, int contactsPerUser,
        int online, int failedLogins, int droppedAfterLogin, double rampSeconds,
        double loginP50Ms, double loginP99Ms, double loginMaxMs, long rosterItemsSeen,
        String memoryKind, long memoryBeforeBytes, long memoryAfterBytes, long memoryPerSessionBytes,
        double targetChangesPerSecond, int durationSeconds, long changesSent, long skippedOffline,
        double sendSeconds, double achievedChangesPerSecond,
        long deliveriesExpected, long deliveriesReceived, long lost, long duplicated, long selfEchoes,
        double deliveriesPerSecond,
        double latencyP50Ms, double latencyP90Ms, double latencyP99Ms, double latencyP999Ms, double latencyMaxMs,
        double serverCpuLoginSeconds, double serverCpuLoadSeconds, double clientCpuLoadSeconds,
        double serverCpuMicrosPerDelivery, double loadWallSeconds,
        long rssBeforeBytes, long rssAfterBytes, long rssPerSessionBytes,
        Map<String, Integer> failureReasons) {

    /**
     * CPU seconds used (-1 when unknown) by the server while all users logged in, and by the
     * server and the load client from the first presence change until the drain ended.
     */
    public record CpuUse(double serverLogin, double serverLoad, double clientLoad, double loadWallSeconds) {
    }

    /** Assembles the report; memory numbers are -1 when no probe was given. */
    public static PresenceLoadReport of(String label, Population population, RingRoster ring, String memoryKind,
                                        long before, long after, long rssBefore, long rssAfter, double rate,
                                        int durationSeconds, PresenceDriver.Outcome o, CpuUse cpu) {
        Histogram login = population.loginMillis();
        Histogram lat = o.latencyMicros();
        long perSession = before >= 0 && after >= 0 && population.online() > 0
                ? (after - before) / population.online() : -1;
        long rssPerSession = rssBefore >= 0 && rssAfter >= 0 && population.online() > 0
                ? (rssAfter - rssBefore) / population.online() : -1;
        return new PresenceLoadReport(label, population.size(), ring.contactsPerUser(),
                population.online(), population.failedLogins(), population.droppedAfterLogin(),
                population.rampNanos() / 1e9,
                login.getValueAtPercentile(50), login.getValueAtPercentile(99), login.getMaxValue(),
                population.rosterItemsSeen(),
                memoryKind, before, after, perSession,
                rate, durationSeconds, o.changesSent(), o.skippedOffline(), o.sendSeconds(),
                o.sendSeconds() > 0 ? o.changesSent() / o.sendSeconds() : 0,
                o.deliveriesExpected(), o.deliveriesReceived(), o.lost(), o.duplicated(), o.selfEchoes(),
                o.deliverySeconds() > 0 ? o.deliveriesReceived() / o.deliverySeconds() : 0,
                ms(lat, 50), ms(lat, 90), ms(lat, 99), ms(lat, 99.9),
                lat.getTotalCount() == 0 ? 0 : lat.getMaxValue() / 1000.0,
                cpu.serverLogin(), cpu.serverLoad(), cpu.clientLoad(),
                cpu.serverLoad() >= 0 && o.deliveriesReceived() > 0 ? cpu.serverLoad() * 1e6 / o.deliveriesReceived() : -1,
                cpu.loadWallSeconds(), rssBefore, rssAfter, rssPerSession,
                population.failureReasons());
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A table for people reading the terminal. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        row(b, "server", label);
        row(b, "sessions online / of", online + " / " + users + " (" + failedLogins + " failed logins, "
                + droppedAfterLogin + " dropped later)");
        row(b, "login ramp", f("%.1f s; login p50 %.0f ms, p99 %.0f ms, max %.0f ms", rampSeconds, loginP50Ms,
                loginP99Ms, loginMaxMs));
        row(b, "roster items received", Long.toString(rosterItemsSeen));
        if (memoryPerSessionBytes >= 0) {
            row(b, "memory per idle session", f("%.1f kB (%s: %.1f MB -> %.1f MB)", memoryPerSessionBytes / 1024.0,
                    memoryKind, memoryBeforeBytes / 1048576.0, memoryAfterBytes / 1048576.0));
        }
        if (rssPerSessionBytes >= 0) {
            row(b, "RSS per idle session", f("%.1f kB (process RSS: %.1f MB -> %.1f MB)", rssPerSessionBytes / 1024.0,
                    rssBeforeBytes / 1048576.0, rssAfterBytes / 1048576.0));
        }
        row(b, "presence changes", f("%d sent in %.1f s (target %.0f/s, achieved %.0f/s), %d skipped (sender offline)",
                changesSent, sendSeconds, targetChangesPerSecond, achievedChangesPerSecond, skippedOffline));
        row(b, "deliveries", f("%d received of %d expected; %d lost, %d duplicated", deliveriesReceived,
                deliveriesExpected, lost, duplicated));
        row(b, "delivery throughput", f("%.0f /s", deliveriesPerSecond));
        row(b, "latency ms", f("p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f", latencyP50Ms, latencyP90Ms,
                latencyP99Ms, latencyP999Ms, latencyMaxMs));
        if (serverCpuLoadSeconds >= 0) {
            row(b, "CPU during load", f("server %.1f s (%.0f us per delivery), client %.1f s, in %.1f s wall; "
                    + "server %.1f s during logins", serverCpuLoadSeconds, serverCpuMicrosPerDelivery,
                    clientCpuLoadSeconds, loadWallSeconds, serverCpuLoginSeconds));
        }
        failureReasons.forEach((k, v) -> row(b, "failure", v + " x " + k));
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-26s %s%n", key, value));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
