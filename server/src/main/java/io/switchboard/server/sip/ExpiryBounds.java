package io.switchboard.server.sip;

/**
 * The server's bounds on what a REGISTER, PUBLISH or SUBSCRIBE may ask for (RFC 3261 §10.3,
 * RFC 3903 §6, RFC 6665 §4.2.1.1): below the minimum (but not 0) is refused with 423 and
 * Min-Expires, above the maximum is shortened, nothing asked means the default.
 */
public record ExpiryBounds(long minSeconds, long maxSeconds, long defaultSeconds) {

    public ExpiryBounds {
        if (minSeconds < 1 || maxSeconds < minSeconds) {
            throw new IllegalArgumentException("need 1 <= min <= max: " + minSeconds + ", " + maxSeconds);
        }
        defaultSeconds = Math.max(minSeconds, Math.min(maxSeconds, defaultSeconds));
    }

    /** What was asked for was too short; the caller answers 423 with {@code minSeconds}. */
    public boolean tooBrief(long requested) {
        return requested > 0 && requested < minSeconds;
    }

    /**
     * The granted duration for a request that asked for {@code requested} seconds (negative: not
     * asked). 0 stays 0 (remove, unsubscribe, fetch). Check {@link #tooBrief} first.
     */
    public long grant(long requested) {
        if (requested < 0) {
            return defaultSeconds;
        }
        if (requested == 0) {
            return 0;
        }
        return Math.min(requested, maxSeconds);
    }
}
