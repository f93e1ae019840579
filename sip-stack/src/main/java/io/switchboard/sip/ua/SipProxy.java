package io.switchboard.sip.ua;

import io.switchboard.sip.stack.SipTransport;
import java.util.Locale;
import java.util.Objects;

/**
 * One outbound proxy/registrar the user agent sends everything through (Cisco's primary or backup
 * proxy), with the transport to reach it. With {@link SipTransport#TLS} the route is
 * {@code sip:host:port;transport=tls;lr} — a {@code sip:} URI over TLS, as most phones and proxies
 * do it, not {@code sips:} (which would demand TLS on every hop to the callee, ADR 0023).
 */
public record SipProxy(String host, int port, SipTransport transport) {

    public SipProxy {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A proxy on the transport's default port: 5060, or 5061 for TLS. */
    public static SipProxy of(String host, SipTransport transport) {
        return new SipProxy(host, transport.defaultPort(), transport);
    }

    /** Whether requests through this proxy travel encrypted (TLS). */
    public boolean secure() {
        return transport.secure();
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
