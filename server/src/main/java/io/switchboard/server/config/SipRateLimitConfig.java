package io.switchboard.server.config;

/**
 * Per-source request limit, modelled on Kamailio's antiflood (pike) default of 16 requests per
 * 2 seconds. A source over the limit gets one 503 with Retry-After per window; its further requests
 * in that window are dropped unanswered, so a flood is not answered with a flood. Other sources
 * are not affected.
 *
 * @param requests      requests one source may send per window
 * @param windowSeconds the window length
 * @param key           what counts as one source
 */
public record SipRateLimitConfig(int requests, int windowSeconds, SourceKey key) {

    /** What identifies a source. */
    public enum SourceKey {
        /** The peer's IP address, as Kamailio's pike does: what a real deployment wants. */
        ADDRESS,
        /**
         * IP address and port: one client each. For tests and demos where every client shares
         * 127.0.0.1; a flooder can escape it by changing ports, so never use it on a network.
         */
        ADDRESS_AND_PORT
    }

    public static SipRateLimitConfig defaults() {
        return new SipRateLimitConfig(16, 2, SourceKey.ADDRESS);
    }
}
