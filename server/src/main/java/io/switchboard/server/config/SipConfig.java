package io.switchboard.server.config;

import io.switchboard.sip.stack.SipTransport;

import java.util.EnumSet;
import java.util.Set;

/**
 * The SIP listener (RFC 3261): registrar, proxy for local users, presence agent.
 *
 * @param enabled              whether the server listens for SIP at all
 * @param host                 address the listener binds to; 127.0.0.1 keeps a demo server off the network.
 *                             Must be one concrete address: JAIN-SIP writes it into Via and Contact headers
 * @param port                 UDP and TCP port; 5060 is the registered sip port, 0 picks a free one (tests)
 * @param udp                  listen on UDP (on {@code port})
 * @param tcp                  listen on TCP (on {@code port}); booleans rather than a list, because the
 *                             configuration file's deep merge would append to a default list
 * @param tls                  listen on TLS (on {@code tlsPort}) with the server's certificate, the one XMPP
 *                             presents; clients use {@code sip:} URIs with {@code ;transport=tls} (ADR 0023)
 * @param tlsPort              the TLS port; 5061 is the registered sips port, 0 picks a free one (tests).
 *                             TLS is TCP too, so it cannot share {@code port}
 * @param maxMessageBytes      largest SIP message accepted; larger ones are refused (513) or the connection dropped
 * @param rateLimit            per-source request limit (flood protection)
 * @param minExpiresSeconds    shortest registration, publication or subscription accepted; shorter ones get 423
 * @param maxExpiresSeconds    longest one granted; longer requests are shortened to this
 * @param notifyIntervalMillis shortest time between two presence NOTIFYs about one presentity to one
 *                             watcher (RFC 3856 §6.10); changes in between are merged, the last state wins
 * @param digestSha256         also offer SHA-256 digest challenges (RFC 8760) next to MD5. Off by default:
 *                             user agents of the libre/baresip 1.0 generation fail a registration outright
 *                             when any challenge names an algorithm they do not know, and SIPp 3.6 answers
 *                             only the first; our own client takes SHA-256 whenever it is offered
 * @param maxPendingRequests   most of the server's own requests (relayed MESSAGEs and INVITEs, NOTIFYs)
 *                             without a final response at once; over it new relays get 503. A request to a
 *                             contact that is gone stays pending 32 s, so this bounds what a flood of them holds
 */
public record SipConfig(boolean enabled, String host, int port, boolean udp, boolean tcp, boolean tls, int tlsPort,
                        int maxMessageBytes, SipRateLimitConfig rateLimit, int minExpiresSeconds,
                        int maxExpiresSeconds, int notifyIntervalMillis, boolean digestSha256,
                        int maxPendingRequests) {

    public static SipConfig defaults() {
        return new SipConfig(true, "127.0.0.1", 5060, true, true, true, 5061, 65_535,
                SipRateLimitConfig.defaults(), 60, 3600, 5000, false, 10_000);
    }

    public SipConfig withPort(int newPort) {
        return new SipConfig(enabled, host, newPort, udp, tcp, tls, tlsPort, maxMessageBytes, rateLimit, minExpiresSeconds,
                maxExpiresSeconds, notifyIntervalMillis, digestSha256, maxPendingRequests);
    }

    /** Listen on TLS at {@code newTlsPort} (0: a free port), or not at all when {@code on} is false. */
    public SipConfig withTls(boolean on, int newTlsPort) {
        return new SipConfig(enabled, host, port, udp, tcp, on, newTlsPort, maxMessageBytes, rateLimit,
                minExpiresSeconds, maxExpiresSeconds, notifyIntervalMillis, digestSha256, maxPendingRequests);
    }

    public SipConfig withEnabled(boolean on) {
        return new SipConfig(on, host, port, udp, tcp, tls, tlsPort, maxMessageBytes, rateLimit, minExpiresSeconds,
                maxExpiresSeconds, notifyIntervalMillis, digestSha256, maxPendingRequests);
    }

    public SipConfig withRateLimit(SipRateLimitConfig newRateLimit) {
        return new SipConfig(enabled, host, port, udp, tcp, tls, tlsPort, maxMessageBytes, newRateLimit, minExpiresSeconds,
                maxExpiresSeconds, notifyIntervalMillis, digestSha256, maxPendingRequests);
    }

    public SipConfig withExpiryBounds(int newMinSeconds, int newMaxSeconds) {
        return new SipConfig(enabled, host, port, udp, tcp, tls, tlsPort, maxMessageBytes, rateLimit, newMinSeconds,
                newMaxSeconds, notifyIntervalMillis, digestSha256, maxPendingRequests);
    }

    public SipConfig withMaxMessageBytes(int bytes) {
        return new SipConfig(enabled, host, port, udp, tcp, tls, tlsPort, bytes, rateLimit, minExpiresSeconds,
                maxExpiresSeconds, notifyIntervalMillis, digestSha256, maxPendingRequests);
    }

    public SipConfig withNotifyIntervalMillis(int millis) {
        return new SipConfig(enabled, host, port, udp, tcp, tls, tlsPort, maxMessageBytes, rateLimit, minExpiresSeconds,
                maxExpiresSeconds, millis, digestSha256, maxPendingRequests);
    }

    public SipConfig withMaxPendingRequests(int requests) {
        return new SipConfig(enabled, host, port, udp, tcp, tls, tlsPort, maxMessageBytes, rateLimit, minExpiresSeconds,
                maxExpiresSeconds, notifyIntervalMillis, digestSha256, requests);
    }

    public SipConfig withDigestSha256(boolean offer) {
        return new SipConfig(enabled, host, port, udp, tcp, tls, tlsPort, maxMessageBytes, rateLimit, minExpiresSeconds,
                maxExpiresSeconds, notifyIntervalMillis, offer, maxPendingRequests);
    }

    /** UDP and TCP as configured: the transports on {@code port} (TLS has its own). */
    public Set<SipTransport> plainTransports() {
        EnumSet<SipTransport> on = EnumSet.noneOf(SipTransport.class);
        on.addAll(transports());
        on.remove(SipTransport.TLS);
        return on;
    }

    /** The transports to listen on. */
    public Set<SipTransport> transports() {
        EnumSet<SipTransport> on = EnumSet.noneOf(SipTransport.class);
        if (udp) {
            on.add(SipTransport.UDP);
        }
        if (tcp) {
            on.add(SipTransport.TCP);
        }
        if (tls) {
            on.add(SipTransport.TLS);
        }
        return on;
    }
}
