package io.switchboard.sip.stack;

import javax.sip.ListeningPoint;

/** A SIP transport this module listens on, with the token JAIN-SIP and the Via header use. */
public enum SipTransport {
    UDP(ListeningPoint.UDP),
    TCP(ListeningPoint.TCP);

    private final String token;

    SipTransport(String token) {
        this.token = token;
    }

    /** The transport token as it appears in a Via header and in JAIN-SIP's API ("UDP", "TCP"). */
    public String token() {
        return token;
    }
}
