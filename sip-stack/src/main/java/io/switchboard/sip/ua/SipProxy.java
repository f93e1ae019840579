package io.switchboard.sip.ua;

import io.switchboard.sip.stack.SipTransport;
import java.util.Locale;
import java.util.Objects;

/**
 * One outbound proxy/registrar the user agent sends everything through (Cisco's primary or backup
 * proxy), with the transport to reach it.
 */
public record SipProxy(String host, int port, SipTransport transport) {

    public SipProxy {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The loose-routing URI put in the Route header: {@code sip:host:port;transport=tcp;lr}. */
    public String routeUri() {
        return "sip:" + host + ":" + port + ";transport=" + transport.token().toLowerCase(Locale.ROOT) + ";lr";
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + transport;
    }
}
