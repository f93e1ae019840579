package io.switchboard.xmpp;

import io.switchboard.core.model.Address;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to sign one XMPP account in. TLS is always required; which certificate is
 * accepted is {@link #trust()}. Without {@link #server()} the server is found through the
 * domain's DNS SRV records.
 *
 * @param priority XMPP presence priority, -128..127; negative means "do not route bare-JID messages here"
 */
public record XmppAccount(Address user, char[] password, String domain, Optional<ServerEndpoint> server,
                          String resource, int priority, CertificateTrust trust, Duration connectTimeout,
                          Duration replyTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_RESOURCE = "switchboard";

    public XmppAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        domain = domain == null || domain.isBlank() ? user.domain() : domain;
        server = server == null ? Optional.empty() : server;
        resource = resource == null || resource.isBlank() ? DEFAULT_RESOURCE : resource;
        if (priority < -128 || priority > 127) {
            throw new IllegalArgumentException("priority " + priority + " is not in -128..127");
        }
        Objects.requireNonNull(trust, "trust");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(replyTimeout, "replyTimeout");
    }

    /** An account on the user's own domain, found through DNS, trusting the system's certificates. */
    public static XmppAccount of(Address user, char[] password) {
        return new XmppAccount(user, password, user.domain(), Optional.empty(), DEFAULT_RESOURCE, 0,
                CertificateTrust.system(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REPLY_TIMEOUT);
    }

    public XmppAccount withServer(ServerEndpoint endpoint) {
        return new XmppAccount(user, password, domain, Optional.of(endpoint), resource, priority, trust,
                connectTimeout, replyTimeout);
    }

    public XmppAccount withTrust(CertificateTrust newTrust) {
        return new XmppAccount(user, password, domain, server, resource, priority, newTrust, connectTimeout,
                replyTimeout);
    }

    public XmppAccount withResource(String newResource, int newPriority) {
        return new XmppAccount(user, password, domain, server, newResource, newPriority, trust, connectTimeout,
                replyTimeout);
    }

    public XmppAccount withPassword(char[] newPassword) {
        return new XmppAccount(user, newPassword, domain, server, resource, priority, trust, connectTimeout,
                replyTimeout);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "XmppAccount[" + user + "/" + resource + " via " + server.map(s -> s.host() + ":" + s.port())
                .orElse("DNS SRV of " + domain) + ", trust=" + trust + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
