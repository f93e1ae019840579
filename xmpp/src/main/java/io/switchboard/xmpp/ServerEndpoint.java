package io.switchboard.xmpp;

import java.util.Objects;

/** An explicit host and port that replaces the DNS SRV lookup of the XMPP domain. */
public record ServerEndpoint(String host, int port) {
    public ServerEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
    }
}
