package io.switchboard.server.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile clients get the right stream error or a closed connection, and the server stays up. */
class C2sBadInputIT {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>";

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

    /** After every attack a well-behaved client (from another address) still gets in. */
    @AfterEach
    void serverStillServesOthers() throws Exception {
        try (RawXmppClient client = new RawXmppClient(server.port(), InetAddress.getByName("127.0.0.3"))) {
            assertThat(client.login(tls.client, "bob", "builder", "after")).isEqualTo("bob@example.com/after");
        }
    }

    @Test
    void malformedXmlIsNotWellFormed() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send(HEADER + "<message><body></message>");
            client.await("<stream:error><not-well-formed ");
            client.awaitClosed();
        }
    }

    @Test
    void xmlBombIsRestrictedXml() throws Exception {
        StringBuilder bomb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" '").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("'>");
        }
        bomb.append("]>").append(HEADER.substring("<?xml version='1.0'?>".length())).append("<message><body>&lol9;</body></message>");
        try (RawXmppClient client = server.connect()) {
            client.send(bomb.toString());
            client.await("<stream:error><restricted-xml ");
            client.awaitClosed();
        }
    }

    @Test
    void doctypeIsRestrictedXml() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send("<?xml version='1.0'?><!DOCTYPE stream:stream SYSTEM 'http://example.com/evil.dtd'>");
            client.await("<stream:error><restricted-xml ");
            client.awaitClosed();
        }
    }

    @Test
    void entityReferenceAfterLoginIsRestrictedXml() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.login(tls.client, "alice", "wonderland", "ent");
            client.send("<message to='bob@example.com'><body>&xxe;</body></message>");
            client.await("<stream:error><restricted-xml ");
            client.awaitClosed();
        }
    }

    @Test
    void tenMegabyteStanzaIsRefused() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.login(tls.client, "alice", "wonderland", "big");
            client.send("<message to='bob@example.com'><body>");
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            int sent = 0;
            try {
                for (; sent < 10 * 1024 * 1024; sent += chunk.length) {
                    client.send(chunk);
                }
            } catch (IOException closedWhileSending) {
                // expected: the server closed the stream long before 10 MB
            }
            String rest = client.awaitClosed();
            // The error is sent before closing, but a reset may discard it on the way: then only the close counts.
            if (!rest.isEmpty()) {
                assertThat(rest).contains("<policy-violation ");
            }
        }
        assertThat(server.router.received).noneMatch(r -> r.session().jid().resource().equals("big"));
    }

    @Test
    void stanzaBeforeTlsIsNotAuthorized() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send(HEADER + "<message to='bob@example.com'><body>hi</body></message>");
            client.await("<stream:error><not-authorized ");
            client.awaitClosed();
        }
    }

    @Test
    void saslBeforeTlsIsPolicyViolation() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.send(HEADER + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGEAYg==</auth>");
            client.await("<stream:error><policy-violation ");
            client.awaitClosed();
        }
    }

    @Test
    void stanzaAfterTlsBeforeAuthenticationIsNotAuthorized() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.negotiateTls(tls.client);
            client.send("<iq type='get' id='1'><query xmlns='jabber:iq:roster'/></iq>");
            client.await("<stream:error><not-authorized ");
            client.awaitClosed();
        }
        assertThat(server.router.received).isEmpty();
    }

    @Test
    void stanzaAfterAuthenticationBeforeBindIsNotAuthorized() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.negotiateTls(tls.client);
            assertThat(client.scramSha256("alice", "wonderland")).isEqualTo("success");
            client.openStream();
            client.await("</stream:features>");
            client.send("<presence/>");
            client.await("<stream:error><not-authorized ");
            client.awaitClosed();
        }
    }

    @Test
    void badBase64IsIncorrectEncoding() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.negotiateTls(tls.client);
            client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'>!!!</auth>");
            client.await("<failure[^>]*><incorrect-encoding/></failure>");
            client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='DIGEST-MD5'/>");
            client.await("<failure[^>]*><invalid-mechanism/></failure>");
            client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'/>");
            client.await("<challenge[^>]*/>");
            client.send("<abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            client.await("<failure[^>]*><aborted/></failure>");
            // third failed attempt on this connection: closed
            client.await("<stream:error><policy-violation ");
            client.awaitClosed();
        }
    }

    @Test
    void fiftyWrongPasswordsAreRateLimitedWhileOthersStillLogIn() throws Exception {
        List<String> outcomes = new ArrayList<>();
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        while (outcomes.size() < 50) {
            try (RawXmppClient client = new RawXmppClient(server.port(), attacker)) {
                client.negotiateTls(tls.client);
                for (int attempt = 0; attempt < 3 && outcomes.size() < 50; attempt++) {
                    outcomes.add(client.scramSha256("alice", "guess" + outcomes.size()));
                }
            }
        }
        // 5 failures per address and window, then every attempt is refused without a check
        assertThat(outcomes.subList(0, 5)).containsOnly("not-authorized");
        assertThat(outcomes.subList(5, 50)).containsOnly("temporary-auth-failure");
        try (RawXmppClient client = new RawXmppClient(server.port(), attacker)) {
            client.negotiateTls(tls.client);
            assertThat(client.scramSha256("alice", "wonderland")).isEqualTo("temporary-auth-failure");
        }
        // alice herself, from her own machine, is not locked out
        try (RawXmppClient client = new RawXmppClient(server.port(), InetAddress.getByName("127.0.0.4"))) {
            assertThat(client.login(tls.client, "alice", "wonderland", "home")).isEqualTo("alice@example.com/home");
        }
        assertThat(server.users.callsOnEventLoop()).isZero();
    }

    @Test
    void silentClientIsClosedWithConnectionTimeout() throws Exception {
        try (C2sTestServer impatient = new C2sTestServer(tls, b -> b.preAuthTimeout(Duration.ofMillis(300)));
             RawXmppClient client = impatient.connect()) {
            client.await("<stream:stream[^>]*><stream:error><connection-timeout ");
            client.awaitClosed();
        }
    }

    @Test
    void clientThatOpensAStreamAndStopsIsClosedWithConnectionTimeout() throws Exception {
        try (C2sTestServer impatient = new C2sTestServer(tls, b -> b.preAuthTimeout(Duration.ofMillis(300)));
             RawXmppClient client = impatient.connect()) {
            client.openStream();
            client.await("</stream:features>");
            client.await("<stream:error><connection-timeout ");
            client.awaitClosed();
        }
    }

    @Test
    void multiByteUtf8SplitAcrossPacketsArrives() throws Exception {
        try (RawXmppClient client = server.connect()) {
            client.login(tls.client, "alice", "wonderland", "utf");
            byte[] stanza = "<message to='bob@example.com' id='u'><body>\uD83D\uDE00</body></message>"
                    .getBytes(StandardCharsets.UTF_8);
            int cut = new String(stanza, StandardCharsets.UTF_8).indexOf("<body>") + 6 + 2;
            client.send(Arrays.copyOfRange(stanza, 0, cut));
            client.send(Arrays.copyOfRange(stanza, cut, stanza.length));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.router.received.stream()
                    .anyMatch(r -> "u".equals(r.stanza().attr("id"))
                            && r.stanza().childText("body").orElse("").equals("\uD83D\uDE00")));
        }
    }
}
