package io.switchboard.sip.message;

import static io.switchboard.sip.ua.UserAgentFixture.ALICE;
import static io.switchboard.sip.ua.UserAgentFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestPager;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipRejectedException;
import io.switchboard.sip.ua.SipTimeoutException;
import io.switchboard.sip.ua.UserAgentFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Pager-mode MESSAGE (RFC 3428) against the real JAIN-SIP test peer. */
class PagerMessagingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final UserAgentFixture fixture = new UserAgentFixture();
    private final List<PagerMessage> inbox = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void aSentMessageArrivesAsUtf8TextAndIsReportedDelivered(SipTransport transport) throws Exception {
        TestSipServer server = fixture.server("proxy");
        SipUserAgent alice = fixture.alice(server, transport);

        DeliveryReport report = alice.messaging().send(BOB, "Grüße, Bob — 👋").get(5, TimeUnit.SECONDS);

        assertThat(report).isEqualTo(new DeliveryReport(DeliveryReport.Status.DELIVERED, 200, "OK"));
        assertThat(server.pager().received()).singleElement().satisfies(message -> {
            assertThat(message.from()).isEqualTo(ALICE);
            assertThat(message.to()).isEqualTo(BOB);
            assertThat(message.contentType()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
            assertThat(message.text()).isEqualTo("Grüße, Bob — 👋");
        });
    }

    @Test
    void a202IsReportedAccepted() throws Exception {
        TestSipServer server = fixture.server("proxy");
        server.answerNext(Request.MESSAGE, 202, 1);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);

        DeliveryReport report = alice.messaging().send(BOB, "stored for later").get(5, TimeUnit.SECONDS);

        assertThat(report.status()).isEqualTo(DeliveryReport.Status.ACCEPTED);
        assertThat(report.statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @CsvSource({"404, Not Found", "480, Temporarily Unavailable", "503, Service Unavailable"})
    void aRefusalFailsWithTheStatusAndReason(int status, String reason) throws Exception {
        TestSipServer server = fixture.server("proxy");
        server.requireAuthentication(false);
        server.answerNext(Request.MESSAGE, status, 1);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);

        Throwable failure = failureOf(alice, "anyone there?");

        assertThat(failure).isInstanceOf(SipRejectedException.class);
        assertThat(((SipRejectedException) failure).statusCode()).isEqualTo(status);
        assertThat(((SipRejectedException) failure).reasonPhrase()).isEqualToIgnoringCase(reason);
    }

    @Test
    void noAnswerIsATimeout() throws Exception {
        TestSipServer server = fixture.server("proxy");
        server.setSilent(true);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);

        assertThat(failureOf(alice, "hello?")).isInstanceOf(SipTimeoutException.class);
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void aReceivedMessageIsAnswered200AndDelivered(SipTransport transport) throws Exception {
        TestSipServer server = fixture.server("proxy");
        SipUserAgent alice = registeredAlice(server, transport);

        int status = server.pager().send(BOB, ALICE, "text/plain", "Hi Alice ✓".getBytes(StandardCharsets.UTF_8))
                .get(5, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(200);
        await().atMost(WAIT).until(() -> inbox.size() == 1);
        assertThat(inbox.get(0).from()).isEqualTo(BOB);
        assertThat(inbox.get(0).to()).isEqualTo(ALICE);
        assertThat(inbox.get(0).text()).isEqualTo("Hi Alice ✓");
        assertThat(alice.messaging()).isNotNull();
    }

    @Test
    void aStoredMessageKeepsTheTimeItsDateHeaderGives() throws Exception {
        TestSipServer server = fixture.server("proxy");
        registeredAlice(server, SipTransport.UDP);
        java.time.Instant storedAt = java.time.Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(server.pager().send(BOB, ALICE, "text/plain", "from the store".getBytes(StandardCharsets.UTF_8),
                storedAt).get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(server.pager().send(BOB, ALICE, "text/plain", "live".getBytes(StandardCharsets.UTF_8),
                java.time.Instant.now()).get(5, TimeUnit.SECONDS)).isEqualTo(200);

        await().atMost(WAIT).until(() -> inbox.size() == 2);
        assertThat(inbox.get(0).sentAt()).isEqualTo(storedAt);
        assertThat(inbox.get(0).delayed()).isTrue();
        assertThat(inbox.get(1).delayed()).as("a Date within clock skew is not a delay").isFalse();
    }

    @Test
    void unreadableMessagesAreRefusedAndNotDelivered() throws Exception {
        TestSipServer server = fixture.server("proxy");
        registeredAlice(server, SipTransport.UDP);
        TestPager pager = server.pager();

        assertThat(pager.send(BOB, ALICE, "application/octet-stream", new byte[] {1, 2, 3}).get(5, TimeUnit.SECONDS))
                .isEqualTo(415);
        assertThat(pager.send(BOB, ALICE, "text/plain", new byte[] {(byte) 0xC3, (byte) 0x28}).get(5, TimeUnit.SECONDS))
                .isEqualTo(400);
        assertThat(pager.send(BOB, ALICE, "application/im-iscomposing+xml",
                "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state></isComposing>"
                        .getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(pager.send(BOB, ALICE, "application/im-iscomposing+xml",
                "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>typing</state></isComposing>"
                        .getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS)).isEqualTo(400);
        assertThat(pager.send(BOB, ALICE, "text/plain", "the real one".getBytes(StandardCharsets.UTF_8))
                .get(5, TimeUnit.SECONDS)).isEqualTo(200);

        await().atMost(WAIT).until(() -> inbox.size() == 1);
        assertThat(inbox).extracting(PagerMessage::text).containsExactly("the real one");
    }

    private SipUserAgent registeredAlice(TestSipServer server, SipTransport transport) throws Exception {
        SipUserAgent alice = fixture.alice(server, transport);
        alice.messaging().addListener(inbox::add);
        alice.registration().register().get(5, TimeUnit.SECONDS);
        return alice;
    }

    private static Throwable failureOf(SipUserAgent agent, String text) throws Exception {
        try {
            agent.messaging().send(BOB, text).get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the message to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
