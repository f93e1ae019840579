package io.switchboard.e2e.sip;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipUserAgentSettings;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ReconnectPolicy;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The users a SIP end-to-end test makes on the bundled server, and the SIP agents, SIP client
 * sessions and XMPP sessions it signs them in with: each user's password is {@code pw-<name>},
 * and everything made here is closed after each test, in the order it was made. Register it as
 * an instance extension next to the class's {@link BundledServerFixture}.
 */
final class ServerUsers implements AfterEachCallback {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BundledServerFixture server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    ServerUsers(BundledServerFixture server) {
        this.server = server;
    }

    static String password(String name) {
        return "pw-" + name;
    }

    /** A new user, named {@code prefix} and a number unique in this JVM. */
    String newUser(String prefix) throws Exception {
        String name = prefix + NEXT.incrementAndGet();
        server.register(name, password(name));
        return name;
    }

    Address address(String name) {
        return Address.of(name, server.domain());
    }

    /** A raw SIP agent for {@code name} over UDP, not yet registered. */
    SipTestUser sipAgent(String name) throws Exception {
        return closeAfter(SipTestUser.udp(name, password(name), server.domain(), server.sipPort()));
    }

    /** The desktop client's SIP session for {@code name} (not yet signed in), adjusted by {@code account}. */
    SipClientSession sipClient(String name, SipTransport transport, UnaryOperator<SipAccount> account) throws Exception {
        SipAccount base = SipAccount.of(address(name), password(name), new SipProxy("127.0.0.1", server.sipPort(), transport));
        return closeAfter(new SipClientSession(new SipStackFactory(), account.apply(base), SipUserAgentSettings.defaults(),
                Clock.systemUTC()));
    }

    /** A SIP user agent for {@code name} over UDP, registered with the server. */
    SipUserAgent registeredAgent(String name) throws Exception {
        return registeredAgent(name, SipUserAgentSettings.defaults());
    }

    /** As {@link #registeredAgent(String)}, with {@code settings}. */
    SipUserAgent registeredAgent(String name, SipUserAgentSettings settings) throws Exception {
        SipAccount account = SipAccount.of(address(name), password(name),
                new SipProxy("127.0.0.1", server.sipPort(), SipTransport.UDP));
        SipUserAgent agent = closeAfter(SipUserAgent.start(new SipStackFactory(), account, settings));
        agent.registration().register().get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return agent;
    }

    /** {@code name} signed in over XMPP from {@code resource}. */
    XmppClientSession xmpp(String name, String resource) throws Exception {
        XmppAccount account = new XmppAccount(address(name), password(name).toCharArray(), server.domain(),
                Optional.of(new ServerEndpoint("127.0.0.1", server.c2sPort())), resource, 0,
                CertificateTrust.pinned(server.certificateFingerprint()), TIMEOUT, TIMEOUT);
        XmppClientSession session = new XmppClientSession(account, ReconnectPolicy.standard(), Clock.systemUTC());
        closeables.add(session::close);
        session.signIn();
        return session;
    }

    XmppClientSession xmpp(String name) throws Exception {
        return xmpp(name, "desktop");
    }

    <T extends AutoCloseable> T closeAfter(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        closeables.clear();
        if (first != null) {
            throw first;
        }
    }
}
