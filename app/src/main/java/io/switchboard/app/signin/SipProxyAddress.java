package io.switchboard.app.signin;

import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import java.util.Locale;

/**
 * What the user typed in a SIP proxy field: {@code host}, {@code host:port} or {@code [v6]:port};
 * the port defaults to 5060 for UDP and TCP and 5061 for TLS (RFC 3261 §19.1.2). Stateless.
 */
public final class SipProxyAddress {

    static final int DEFAULT_PORT = 5060;
    static final int DEFAULT_TLS_PORT = 5061;
    private static final String FORMAT = "Enter the proxy as host or host:port (sip.example.com:5060).";

    private SipProxyAddress() {
    }

    static int defaultPort(SipTransport transport) {
        return transport == SipTransport.TLS ? DEFAULT_TLS_PORT : DEFAULT_PORT;
    }

    /**
     * @param what "primary proxy" or "backup proxy", for the message
     * @throws IllegalArgumentException with a message for the user
     */
    public static SipProxy parse(String text, SipTransport transport, String what) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Enter the " + what + ".");
        }
        if (s.contains("/") || s.contains("@") || s.contains(";") || s.chars().anyMatch(Character::isWhitespace)
                || s.regionMatches(true, 0, "sip:", 0, 4)) {
            throw new IllegalArgumentException("The " + what + " is not valid. " + FORMAT);
        }
        String host = s;
        int port = defaultPort(transport);
        boolean ipv6 = s.startsWith("[");
        int close = s.indexOf(']');
        if (ipv6 && close < 0) {
            throw new IllegalArgumentException("The IPv6 address of the " + what + " needs a closing ']'.");
        }
        if (!ipv6 && s.indexOf(':') != s.lastIndexOf(':')) {
            throw new IllegalArgumentException("Put the IPv6 address of the " + what
                    + " in brackets, like [2001:db8::1]:5060.");
        }
        int colon = s.lastIndexOf(':');
        if (colon >= 0 && (!ipv6 || colon > close)) {
            String portText = s.substring(colon + 1);
            if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65_535) {
                throw new IllegalArgumentException("The port of the " + what + " must be a number from 1 to 65535.");
            }
            port = Integer.parseInt(portText);
            host = s.substring(0, colon);
        }
        if (ipv6) {
            host = host.substring(1, host.indexOf(']'));
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Enter a host name for the " + what + ".");
        }
        return new SipProxy(host.toLowerCase(Locale.ROOT), port, transport);
    }
}
