package io.switchboard.sip.mwi;

import static io.switchboard.sip.ua.UserAgentFixture.ALICE;
import static io.switchboard.sip.ua.UserAgentFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipRejectedException;
import io.switchboard.sip.ua.UserAgentFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The voicemail indicator against a real JAIN-SIP message-summary notifier (the test server's mailbox). */
class VoicemailIndicatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TWO_NEW = "Messages-Waiting: yes\r\nMessage-Account: sip:alice@example.com\r\n"
            + "Voice-Message: 2/8 (0/2)\r\n";

    private final UserAgentFixture fixture = new UserAgentFixture();
    private final List<MessageSummary> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void subscribingBringsTheSummaryAndEveryChange(SipTransport transport) throws Exception {
        TestSipServer server = fixture.server("vm");
        server.mailbox().setSummary(ALICE, TWO_NEW);
        SipUserAgent alice = listening(fixture.alice(server, transport));

        alice.voicemail().subscribe().get(5, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> !seen.isEmpty());
        assertThat(seen.get(0).voice()).isEqualTo(new MessageCounts(2, 8, 0, 2));
        assertThat(alice.voicemail().summary()).contains(seen.get(0));
        assertThat(server.received("SUBSCRIBE").get(0).getHeader("Accept").toString())
                .contains("application/simple-message-summary");

        server.mailbox().setSummary(ALICE, "Messages-Waiting: no\r\nVoice-Message: 0/10\r\n");
        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen.get(1).messagesWaiting()).isFalse();
        assertThat(seen.get(1).voice()).isEqualTo(MessageCounts.of(0, 10));
        assertThat(server.mailbox().notifyAnswers()).containsOnly(200);
    }

    @Test
    void aMalformedSummaryIsRefusedWith400AndTheSubscriptionCarriesOn() throws Exception {
        TestSipServer server = fixture.server("vm");
        server.mailbox().setSummary(ALICE, TWO_NEW);
        SipUserAgent alice = listening(fixture.alice(server, SipTransport.UDP));
        alice.voicemail().subscribe().get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> seen.size() == 1);

        // one at a time: NOTIFYs of one dialog overtaking each other would be answered 500 (CSeq order)
        notifyAndAwaitAnswer(server, "application/simple-message-summary",
                "Voice-Message: 3/1\r\n".getBytes(StandardCharsets.UTF_8));
        notifyAndAwaitAnswer(server, "application/simple-message-summary",
                "Messages-Waiting: yes\r\nVoice-Message: many/1\r\n".getBytes(StandardCharsets.UTF_8));
        notifyAndAwaitAnswer(server, "text/plain", "2 new messages".getBytes(StandardCharsets.UTF_8));

        assertThat(server.mailbox().notifyAnswers()).containsExactly(200, 400, 400, 415);
        assertThat(alice.voicemail().summary()).get().extracting(MessageSummary::voice)
                .isEqualTo(new MessageCounts(2, 8, 0, 2));
        // the subscription is still alive: the next good summary arrives
        server.mailbox().setSummary(ALICE, "Messages-Waiting: yes\r\nVoice-Message: 3/8\r\n");
        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen.get(1).voice()).isEqualTo(MessageCounts.of(3, 8));
    }

    @Test
    void someoneElsesMailboxIsRefusedWith403AndNotRetried() throws Exception {
        TestSipServer server = fixture.server("vm");
        SipUserAgent bob = fixture.agent(SipAccount.of(BOB, UserAgentFixture.PASSWORD, server.proxy(SipTransport.UDP)),
                UserAgentFixture.fastSettings());

        assertThatThrownBy(() -> bob.voicemail().subscribe(ALICE).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SipRejectedException.class)
                .satisfies(e -> assertThat(((SipRejectedException) e).statusCode()).isEqualTo(403));
        int subscribes = server.received("SUBSCRIBE").size();
        // for longer than the retry interval (1 s): a refusal must not be retried
        await().during(Duration.ofMillis(2_000)).atMost(WAIT)
                .until(() -> server.received("SUBSCRIBE").size() == subscribes);
    }

    @Test
    void aDeactivatedSubscriptionIsRenewedAndUnsubscribeSendsExpiresZero() throws Exception {
        TestSipServer server = fixture.server("vm");
        server.mailbox().setSummary(ALICE, TWO_NEW);
        SipUserAgent alice = listening(fixture.alice(server, SipTransport.UDP));
        alice.voicemail().subscribe().get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> seen.size() == 1);

        server.mailbox().terminate(ALICE, "deactivated");

        await().atMost(WAIT).until(() -> server.mailbox().subscriptions().size() == 1
                && server.mailbox().subscribeExpires().size() == 2);
        alice.voicemail().unsubscribe().get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> server.mailbox().subscriptions().isEmpty());
        assertThat(server.mailbox().subscribeExpires()).last().isEqualTo(0);
        await().atMost(WAIT).until(() -> alice.voicemail().summary().isEmpty());
        assertThat(seen).last().isEqualTo(MessageSummary.NONE);
    }

    private void notifyAndAwaitAnswer(TestSipServer server, String contentType, byte[] body) throws Exception {
        server.mailbox().notifyRaw(ALICE, "active;expires=3600", contentType, body);
        await().atMost(WAIT).until(() -> server.mailbox().notifyAnswers().size() == server.mailbox().notifiesSent());
    }

    private SipUserAgent listening(SipUserAgent agent) {
        agent.voicemail().addListener(seen::add);
        return agent;
    }
}
