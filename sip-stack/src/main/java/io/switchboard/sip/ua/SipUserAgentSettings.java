package io.switchboard.sip.ua;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SipUserAgent} behaves, apart from the account.
 *
 * @param localHost         the address the user agent's stack binds (loopback in tests)
 * @param requestTimeout    how long a request may wait for its final response before it counts as
 *                          unanswered (and the proxy as dead); far below RFC 3261's 32 s
 * @param keepaliveInterval how often OPTIONS probes the current proxy; zero switches the probe off
 * @param failbackInterval  how often, while on the backup, registering at the primary is tried again
 * @param retryInterval     how long to wait before registering again after every proxy failed, and
 *                          before resubscribing when a server gave no Retry-After
 * @param sessionExpires    the session interval our calls ask for (RFC 4028: the call is refreshed
 *                          at half of it and ended when no refresh comes); zero asks for none
 */
public record SipUserAgentSettings(String localHost, Duration requestTimeout, Duration keepaliveInterval,
                                   Duration failbackInterval, Duration retryInterval, Duration sessionExpires) {

    public SipUserAgentSettings {
        Objects.requireNonNull(localHost, "localHost");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        if (keepaliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepaliveInterval must not be negative");
        }
        requirePositive(failbackInterval, "failbackInterval");
        requirePositive(retryInterval, "retryInterval");
        Objects.requireNonNull(sessionExpires, "sessionExpires");
        if (sessionExpires.isNegative()) {
            throw new IllegalArgumentException("sessionExpires must not be negative");
        }
    }

    public static SipUserAgentSettings defaults() {
        return new SipUserAgentSettings("127.0.0.1", Duration.ofSeconds(8), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(30));
    }

    public SipUserAgentSettings withLocalHost(String value) {
        return new SipUserAgentSettings(value, requestTimeout, keepaliveInterval, failbackInterval, retryInterval, sessionExpires);
    }

    public SipUserAgentSettings withRequestTimeout(Duration value) {
        return new SipUserAgentSettings(localHost, value, keepaliveInterval, failbackInterval, retryInterval, sessionExpires);
    }

    public SipUserAgentSettings withKeepaliveInterval(Duration value) {
        return new SipUserAgentSettings(localHost, requestTimeout, value, failbackInterval, retryInterval, sessionExpires);
    }

    public SipUserAgentSettings withFailbackInterval(Duration value) {
        return new SipUserAgentSettings(localHost, requestTimeout, keepaliveInterval, value, retryInterval, sessionExpires);
    }

    public SipUserAgentSettings withRetryInterval(Duration value) {
        return new SipUserAgentSettings(localHost, requestTimeout, keepaliveInterval, failbackInterval, value, sessionExpires);
    }

    public SipUserAgentSettings withSessionExpires(Duration value) {
        return new SipUserAgentSettings(localHost, requestTimeout, keepaliveInterval, failbackInterval, retryInterval,
                value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
