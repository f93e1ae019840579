package io.switchboard.sip.stack;

import javax.sip.ListeningPoint;

/**
 * A SIP transport this module listens on, with the token JAIN-SIP and the Via header use and the
 * port a peer listens on when a URI names none (RFC 3261 §19.1.2: 5060, 5061 for TLS).
 */
public enum SipTransport {
    UDP(ListeningPoint.UDP, ListeningPoint.PORT_5060),
    TCP(ListeningPoint.TCP, ListeningPoint.PORT_5060),
    /** TCP with TLS 1.2+ ({@code sip:...;transport=tls}, Via {@code SIP/2.0/TLS}): see {@link SipTlsSettings}. */
    TLS(ListeningPoint.TLS, ListeningPoint.PORT_5061);

    private final String token;
    private final int defaultPort;

    SipTransport(String token, int defaultPort) {
        this.token = token;
        this.defaultPort = defaultPort;
    }

    /** 5060, or 5061 for TLS. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether the signalling on this transport is encrypted (only TLS). */
    public boolean secure() {
        return this == TLS;
    }

    /** The transport token as it appears in a Via header and in JAIN-SIP's API ("UDP", "TCP", "TLS"). */
    public String token() {
        return token;
    }
}
