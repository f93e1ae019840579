package io.switchboard.sip.ua;

import io.switchboard.sip.client.SipUserAgent;

import io.switchboard.core.model.Address;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts test servers and user agents on loopback and closes them all after a test. */
public final class UserAgentFixture implements AutoCloseable {

    public static final String DOMAIN = "example.com";
    public static final Address ALICE = Address.of("alice", DOMAIN);
    public static final Address BOB = Address.of("bob", DOMAIN);
    public static final String PASSWORD = "wonderland";

    private final SipStackFactory stacks = new SipStackFactory();
    private final List<AutoCloseable> started = new ArrayList<>();

    public TestSipServer server(String name) throws Exception {
        TestSipServer server = TestSipServer.start(stacks, name, DOMAIN)
                .withUser("alice", PASSWORD).withUser("bob", PASSWORD);
        started.add(server);
        return server;
    }

    public TestSipServer server(String name, List<io.switchboard.sip.auth.DigestAlgorithm> algorithms) throws Exception {
        TestSipServer server = TestSipServer.start(stacks, name, DOMAIN, algorithms)
                .withUser("alice", PASSWORD).withUser("bob", PASSWORD);
        started.add(server);
        return server;
    }

    /** Fast timeouts, no keepalive: tests switch on what they look at. */
    public static SipUserAgentSettings fastSettings() {
        return SipUserAgentSettings.defaults()
                .withRequestTimeout(Duration.ofMillis(1_500))
                .withKeepaliveInterval(Duration.ZERO)
                .withFailbackInterval(Duration.ofSeconds(2))
                .withRetryInterval(Duration.ofSeconds(1));
    }

    public SipUserAgent agent(SipAccount account, SipUserAgentSettings settings) throws Exception {
        SipUserAgent agent = SipUserAgent.start(stacks, account, settings);
        started.add(agent);
        return agent;
    }

    public SipUserAgent alice(TestSipServer server, SipTransport transport) throws Exception {
        return agent(SipAccount.of(ALICE, PASSWORD, server.proxy(transport)), fastSettings());
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }
}
