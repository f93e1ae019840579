package io.switchboard.sip.call;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.sip.header.Header;
import javax.sip.message.Message;

/**
 * A call's session timer as negotiated (RFC 4028): the interval, and whether this side is the
 * refresher (sends a re-INVITE at half the interval) or the one that ends the call when no
 * refresh comes before the interval minus min(32 s, interval / 3) (RFC 4028 10).
 */
record SessionTimer(Duration interval, boolean weRefresh) {

    static final String SESSION_EXPIRES = "Session-Expires";
    /** Shorter intervals are refused: a refresh every few seconds is a flood, not a keepalive. */
    static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final long LONGEST_SECONDS = 24 * 3600;

    /** When this side sends the next refresh. */
    Duration refreshAfter() {
        return interval.dividedBy(2);
    }

    /** When the other side's refresh is overdue and the call is ended. */
    Duration expiresAfter() {
        Duration margin = interval.dividedBy(3);
        return interval.minus(margin.compareTo(Duration.ofSeconds(32)) < 0 ? margin : Duration.ofSeconds(32));
    }

    /** The header's value: seconds, and who refreshes. */
    static String value(Duration interval, String refresher) {
        return interval.toSeconds() + (refresher == null ? "" : ";refresher=" + refresher);
    }

    /** The Session-Expires a message carries: seconds and refresher ("uac", "uas" or empty). */
    static Optional<Offered> read(Message message) {
        Header header = message.getHeader(SESSION_EXPIRES);
        if (header == null) {
            return Optional.empty();
        }
        String text = header.toString();
        String value = text.substring(text.indexOf(':') + 1).trim();
        String[] parts = value.split(";");
        long seconds;
        try {
            seconds = Long.parseLong(parts[0].trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seconds < SHORTEST.toSeconds() || seconds > LONGEST_SECONDS) {
            return Optional.empty();
        }
        String refresher = "";
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("refresher")) {
                refresher = pair[1].trim().toLowerCase(Locale.ROOT);
            }
        }
        return Optional.of(new Offered(Duration.ofSeconds(seconds), refresher));
    }

    /** What a Session-Expires header said. */
    record Offered(Duration interval, String refresher) {
    }
}
