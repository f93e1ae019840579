package io.switchboard.bench.load;

/**
 * The status text that marks a presence change as one of ours and carries when it was sent:
 * {@code "sbb <seq> <nanoTime>"}. Client and server share the machine, so {@link System#nanoTime()}
 * of the sender and of the watcher are on the same clock.
 */
public record PresenceMarker(int sequence, long sentNanos) {

    static final String PREFIX = "sbb ";

    public String statusText() {
        return PREFIX + sequence + " " + sentNanos;
    }

    /** The marker in {@code status}, or null if the status is not ours. */
    public static PresenceMarker parse(String status) {
        if (status == null || !status.startsWith(PREFIX)) {
            return null;
        }
        int space = status.indexOf(' ', PREFIX.length());
        if (space < 0) {
            return null;
        }
        try {
            int seq = Integer.parseInt(status, PREFIX.length(), space, 10);
            long nanos = Long.parseLong(status, space + 1, status.length(), 10);
            return seq < 0 ? null : new PresenceMarker(seq, nanos);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
