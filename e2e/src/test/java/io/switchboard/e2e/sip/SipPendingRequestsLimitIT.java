package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.store.jdbc.JdbcOfflineMessageStore;
import io.switchboard.xmpp.XmppClientSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bound on the server's own requests awaiting an answer ({@code sip.max-pending-requests}):
 * MESSAGEs relayed to a device that does not answer stay pending; once the bound is reached, a
 * new MESSAGE that only SIP devices could take is refused with 503 and Retry-After, a chat from
 * XMPP to that user is stored instead of sent, and relaying resumes as soon as the device answers.
 */
class SipPendingRequestsLimitIT {

    private static final int LIMIT = 3;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withMaxPendingRequests(LIMIT);

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    @Test
    void relaysToADeviceThatDoesNotAnswerAreBoundedThenResumeWhenItAnswers() throws Exception {
        String alice = users.newUser("alice");
        String bob = users.newUser("bob");
        String carol = users.newUser("carol");
        SipTestUser alicePhone = users.sipAgent(alice);
        SipTestUser bobPhone = users.sipAgent(bob);
        bobPhone.neverAnswer(Request.MESSAGE);
        assertThat(bobPhone.register(300).getStatusCode()).isEqualTo(Response.OK);

        List<CompletableFuture<Response>> pending = new ArrayList<>();
        for (int i = 1; i <= LIMIT; i++) {
            Request message = alicePhone.textMessage(bob, "pending " + i);
            pending.add(CompletableFuture.supplyAsync(() -> sendQuietly(alicePhone, message)));
        }
        awaitDistinctMessages(bobPhone, LIMIT);

        Response refused = alicePhone.send(alicePhone.textMessage(bob, "one too many"));
        assertThat(refused.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeader(RetryAfterHeader.NAME)).as("Retry-After").isNotNull();

        // XMPP → SIP meanwhile: not sent to the phone but kept for bob, nothing lost
        XmppClientSession carolDesktop = users.xmpp(carol);
        carolDesktop.chat().send(users.address(bob), "from the desktop while the server is saturated");
        await().atMost(WAIT).until(() -> offlineCount(bob) == 1);

        // the device answers the retransmissions: the pending ones end with 200, relaying resumes
        bobPhone.answerWith(Request.MESSAGE, Response.OK);
        for (CompletableFuture<Response> response : pending) {
            assertThat(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).getStatusCode()).isEqualTo(Response.OK);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                alicePhone.send(alicePhone.textMessage(bob, "after")).getStatusCode()).isEqualTo(Response.OK));
    }

    /** Waits until {@code count} different MESSAGEs (by Call-ID) reached {@code phone}; retransmissions count once. */
    private static void awaitDistinctMessages(SipTestUser phone, int count) throws InterruptedException {
        Set<String> callIds = new HashSet<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (callIds.size() < count && System.nanoTime() < deadline) {
            Request received = phone.next(Request.MESSAGE, Duration.ofMillis(500));
            if (received != null) {
                callIds.add(((CallIdHeader) received.getHeader(CallIdHeader.NAME)).getCallId());
            }
        }
        assertThat(callIds).as("MESSAGEs relayed to the silent phone").hasSize(count);
    }

    private static Response sendQuietly(SipTestUser from, Request message) {
        try {
            return from.send(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int offlineCount(String user) throws Exception {
        return new JdbcOfflineMessageStore(SERVER.database(), 1000).count(user);
    }
}
