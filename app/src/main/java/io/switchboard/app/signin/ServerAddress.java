package io.switchboard.app.signin;

import io.switchboard.xmpp.ServerEndpoint;

import java.util.Locale;
import java.util.Optional;

/**
 * What the user typed in the server field: nothing (the server of their address's domain,
 * found through DNS SRV), an XMPP domain (found through DNS SRV of
 * {@code _xmpp-client._tcp.<domain>}), or {@code host:port} (connect exactly there).
 *
 * @param domain   the XMPP domain to look up; empty for "my address's domain" or an endpoint
 * @param endpoint an explicit host and port that replaces the DNS lookup
 */
public record ServerAddress(Optional<String> domain, Optional<ServerEndpoint> endpoint) {

    public static final ServerAddress FROM_USER_DOMAIN = new ServerAddress(Optional.empty(), Optional.empty());

    /** @throws IllegalArgumentException with a message for the user */
    public static ServerAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return FROM_USER_DOMAIN;
        }
        if (s.contains("/") || s.contains("@") || s.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Enter the server as a domain (example.com) or host:port (chat.example.com:5222).");
        }
        int colon = s.lastIndexOf(':');
        boolean ipv6Literal = s.startsWith("[");
        if (ipv6Literal && s.indexOf(']') < 0) {
            throw new IllegalArgumentException("The IPv6 address needs a closing ']'.");
        }
        if (colon > 0 && (!ipv6Literal || colon > s.indexOf(']'))) {
            String host = s.substring(0, colon);
            String port = s.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                throw new IllegalArgumentException("The port after ':' must be a number from 1 to 65535.");
            }
            if (ipv6Literal) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("Enter a host name before ':'.");
            }
            return new ServerAddress(Optional.empty(), Optional.of(new ServerEndpoint(host, Integer.parseInt(port))));
        }
        if (s.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Enter the server as a domain (example.com) or host:port (chat.example.com:5222).");
        }
        return new ServerAddress(Optional.of(s.toLowerCase(Locale.ROOT)), Optional.empty());
    }
}
