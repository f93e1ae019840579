package io.switchboard.bench.signin;

import java.time.Duration;
import java.util.Optional;

import io.switchboard.core.model.Address;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

/**
 * Our desktop client's XMPP session (Smack): from {@code signIn()} until it returns, which is
 * after TLS, SASL, bind, the roster load and the initial presence; then the contact list must
 * hold the whole roster. The server certificate is pinned, as a user would pin it.
 */
public final class SmackSignInTimer implements SignInTimer {

    private final XmppAccount account;

    public SmackSignInTimer(String user, String domain, String password, String host, int port,
                            String certificateSha256, Duration timeout) {
        this.account = new XmppAccount(Address.of(user, domain), password.toCharArray(), domain,
                Optional.of(new ServerEndpoint(host, port)), "bench", 0, CertificateTrust.pinned(certificateSha256),
                timeout, timeout);
    }

    @Override
    public String client() {
        return "switchboard-xmpp (Smack)";
    }

    @Override
    public SignIn signInOnce() throws Exception {
        try (XmppClientSession session = new XmppClientSession(account)) {
            long start = System.nanoTime();
            session.signIn();
            int items = session.contacts().contacts().size();
            long end = System.nanoTime();
            return new SignIn(items, (end - start) / 1e6);
        }
    }
}
