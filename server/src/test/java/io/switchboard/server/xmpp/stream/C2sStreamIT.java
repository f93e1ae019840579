package io.switchboard.server.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class C2sStreamIT {

    private static TestTls tls;
    private static C2sTestServer server;

    @BeforeAll
    static void start() throws Exception {
        tls = new TestTls(RawXmppClient.DOMAIN);
        server = new C2sTestServer(tls, b -> b);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fullNegotiationReachesTheRouterWithFromStamped() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.openStream();
            // before TLS only STARTTLS is offered
            String features = client.await("<stream:features>.*?</stream:features>").group();
            assertThat(features).contains("<required/>").doesNotContain("mechanisms");
            client.startTls(tls.client);
            client.openStream();
            String mechanisms = client.await("<mechanisms[^>]*>.*</mechanisms>").group();
            assertThat(mechanisms).contains("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");

            assertThat(client.scramSha256("alice", "wonderland")).isEqualTo("success");
            client.openStream();
            String bound = client.await("<session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"><optional/></session>"
                    + "<ver xmlns=\"urn:xmpp:features:rosterver\"/></stream:features>").group();
            assertThat(bound).isNotEmpty();
            client.send("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>laptop</resource></bind></iq>");
            client.await("<jid>alice@example.com/laptop</jid>");
            client.send("<iq type='set' id='s'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
            client.await("<iq type=\"result\" id=\"s\" from=\"example.com\"/>");

            client.send("<message from='mallory@evil.example/x' to='bob@example.com' type='chat' id='m1'>"
                    + "<body>hi \u00e9</body></message>");
            await().atMost(Duration.ofSeconds(10)).until(() -> !server.router.received.isEmpty());
            RecordingStanzaRouter.Received received = server.router.received.get(0);
            assertThat(received.stanza().attr("from")).isEqualTo("alice@example.com/laptop");
            assertThat(received.stanza().childText("body")).contains("hi \u00e9");
            C2sSession session = received.session();
            assertThat(server.router.bound).containsExactly(session);
            assertThat(session.jid().toString()).isEqualTo("alice@example.com/laptop");

            // the IM layer writes to the client from its own thread
            session.send(XmlElement.builder("message", "jabber:client").attr("from", "bob@example.com/x")
                    .textChild("body", "hello alice").build());
            client.await("<message from=\"bob@example.com/x\"><body>hello alice</body></message>");

            client.send("</stream:stream>");
            client.await("</stream:stream>");
            client.awaitClosed();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.router.closed.contains(session));
            assertThat(server.router.closed).containsOnlyOnce(session);
        }
        assertThat(server.users.callsOnEventLoop()).isZero();
    }

    @Test
    void serverGeneratesAResourceWhenTheClientGivesNone() throws Exception {
        try (RawXmppClient client = server.connect()) {
            String jid = client.login(tls.client, "bob", "builder", null);
            assertThat(jid).startsWith("bob@example.com/").hasSizeGreaterThan("bob@example.com/".length());
        }
    }

    @Test
    void plainIsAcceptedOverTls() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.negotiateTls(tls.client);
            client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + java.util.Base64.getEncoder().encodeToString("\0bob\0builder".getBytes()) + "</auth>");
            client.await("<success xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"/>");
        }
    }

    @Test
    void imLayerCanCloseASessionWithAStreamError() throws Exception {
        try (RawXmppClient client = server.connect()) {
            String jid = client.login(tls.client, "alice", "wonderland", "phone");
            C2sSession session = await().atMost(Duration.ofSeconds(10)).until(
                    () -> server.router.bound.stream().filter(s -> s.jid().toString().equals(jid)).findFirst().orElse(null),
                    s -> s != null);
            session.close(StreamErrorCondition.CONFLICT, "replaced by a new connection");
            client.await("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>");
            client.awaitClosed();
            await().atMost(Duration.ofSeconds(10)).until(() -> !session.isOpen() && server.router.closed.contains(session));
        }
    }

    @Test
    void wrongDomainIsHostUnknown() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "to='other.example' version='1.0'>");
            client.await("<stream:stream[^>]*><stream:error><host-unknown ");
            client.awaitClosed();
        }
    }

    @Test
    void wrongContentNamespaceIsInvalidNamespace() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send("<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "to='example.com' version='1.0'>");
            client.await("<stream:error><invalid-namespace ");
            client.awaitClosed();
        }
    }

    @Test
    void missingVersionIsUnsupportedVersion() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "to='example.com'>");
            client.await("<stream:error><unsupported-version ");
            client.awaitClosed();
        }
    }

    @Test
    void unknownTopLevelElementIsUnsupportedStanzaType() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.login(tls.client, "bob", "builder", "desk");
            client.send("<foo xmlns='urn:example:foo'/>");
            client.await("<stream:error><unsupported-stanza-type ");
            client.awaitClosed();
        }
    }
}
