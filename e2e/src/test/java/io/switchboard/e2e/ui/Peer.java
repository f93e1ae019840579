package io.switchboard.e2e.ui;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ReconnectPolicy;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The other side of a UI test: a plain Smack session of another user, driven by the test. */
final class Peer {

    /** Reconnects within about a second, so tests that restart the server do not wait for the standard back-off. */
    static final ReconnectPolicy FAST_RECONNECT =
            new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2, () -> 0.5);

    private Peer() {
    }

    /** A signed-in session of {@code user} (registered with {@code password}), trusting the server's certificate. */
    static XmppClientSession signedIn(BundledServerFixture server, Address user, String password) throws Exception {
        XmppAccount account = new XmppAccount(user, password.toCharArray(), server.domain(),
                Optional.of(new ServerEndpoint("127.0.0.1", server.c2sPort())), "peer", 0,
                CertificateTrust.pinned(server.certificateFingerprint()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        XmppClientSession session = new XmppClientSession(account, FAST_RECONNECT, Clock.systemUTC());
        session.signIn();
        return session;
    }
}
