package io.switchboard.server.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.SipFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;

/**
 * The compact memory of answered requests: RFC 3261 §17.2.3's matching (branch, sent-by, method)
 * and §17.2.2's lifetime (a retransmission can come for 64·T1 = 32 s), on a clock the test moves.
 */
class AnswerMemoryTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AnswerMemory memory = new AnswerMemory(now::get, AnswerMemory.MAX_CAPACITY);

    @Test
    void aRequestIsFirstThenInProgressThenAnsweredWithItsStatus() throws Exception {
        AnswerMemory.Key key = memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5070, "MESSAGE"));

        assertThat(memory.arrive(key)).isInstanceOf(AnswerMemory.First.class);
        assertThat(memory.arrive(key)).isInstanceOf(AnswerMemory.InProgress.class);
        memory.answered(key, Response.OK);

        assertThat(memory.arrive(key)).isEqualTo(new AnswerMemory.Answered(Response.OK, null));
    }

    @Test
    void branchSentByAndMethodEachMakeADifferentTransaction() throws Exception {
        AnswerMemory.Key key = memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5070, "MESSAGE"));

        assertThat(key).isEqualTo(memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5070, "MESSAGE")))
                .isNotEqualTo(memory.keyOf(message("z9hG4bK-2", "127.0.0.1", 5070, "MESSAGE")))
                .isNotEqualTo(memory.keyOf(message("z9hG4bK-1", "127.0.0.2", 5070, "MESSAGE")))
                .isNotEqualTo(memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5071, "MESSAGE")))
                .isNotEqualTo(memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5070, "OPTIONS")));
        assertThat(key.toTag()).isEqualTo(key.toTag()).isNotEqualTo(
                memory.keyOf(message("z9hG4bK-2", "127.0.0.1", 5070, "MESSAGE")).toTag());
    }

    @Test
    void anRfc2543BranchHasNoKey() throws Exception {
        assertThat(memory.keyOf(message("1234", "127.0.0.1", 5070, "MESSAGE"))).isNull();
    }

    @Test
    void aResponseOtherThanAPlainOneIsKeptWhole() throws Exception {
        Request request = message("z9hG4bK-1", "127.0.0.1", 5070, "MESSAGE");
        AnswerMemory.Key key = memory.keyOf(request);
        Response relayed = messages().createResponse(Response.ACCEPTED, request);
        memory.arrive(key);

        memory.answered(key, relayed);

        assertThat(memory.arrive(key)).isEqualTo(new AnswerMemory.Answered(0,
                relayed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aForgottenRequestIsProcessedAgain() throws Exception {
        AnswerMemory.Key key = memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5070, "MESSAGE"));
        memory.arrive(key);

        memory.forget(key);

        assertThat(memory.arrive(key)).isInstanceOf(AnswerMemory.First.class);
        advance(9);
        memory.forget(key);
        assertThat(memory.arrive(key)).as("forgotten in an older generation").isInstanceOf(AnswerMemory.First.class);
        memory.answered(key, Response.OK);
        assertThat(memory.arrive(key)).isEqualTo(new AnswerMemory.Answered(Response.OK, null));
    }

    @Test
    void anAnswerIsRepeatedFor32SecondsAtLeastAndForgottenAfter40() throws Exception {
        AnswerMemory.Key early = memory.keyOf(message("z9hG4bK-early", "127.0.0.1", 5070, "MESSAGE"));
        memory.arrive(early);
        memory.answered(early, Response.OK);
        advance(7);
        AnswerMemory.Key late = memory.keyOf(message("z9hG4bK-late", "127.0.0.1", 5070, "MESSAGE"));
        memory.arrive(late);
        memory.answered(late, Response.OK);

        advance(25);   // the early one is 32 s old, the late one 25 s
        assertThat(memory.arrive(early)).isInstanceOf(AnswerMemory.Answered.class);
        assertThat(memory.arrive(late)).isInstanceOf(AnswerMemory.Answered.class);

        advance(9);   // 41 and 34 s: both went with their generation, which began with the early one
        assertThat(memory.size()).isZero();
        assertThat(memory.arrive(late)).isInstanceOf(AnswerMemory.First.class);
    }

    @Test
    void afterALongQuietTimeEverythingIsForgotten() throws Exception {
        AnswerMemory.Key key = memory.keyOf(message("z9hG4bK-1", "127.0.0.1", 5070, "MESSAGE"));
        memory.arrive(key);
        memory.answered(key, Response.OK);

        advance(3600);

        assertThat(memory.size()).isZero();
        assertThat(memory.arrive(key)).isInstanceOf(AnswerMemory.First.class);
    }

    @Test
    void manyRequestsGrowTheTableUpToItsBoundThenNewOnesAreRefused() throws Exception {
        AnswerMemory small = new AnswerMemory(now::get, 1 << 13);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            AnswerMemory.Key key = small.keyOf(message("z9hG4bK-" + i, "127.0.0.1", 5070, "MESSAGE"));
            if (small.arrive(key) instanceof AnswerMemory.First) {
                accepted++;
                small.answered(key, Response.OK);
            } else {
                assertThat(small.arrive(key)).isInstanceOf(AnswerMemory.Full.class);
            }
        }
        assertThat(accepted).isEqualTo(1 << 12);   // half the slots: probes stay short
        for (int i = 0; i < accepted; i++) {
            AnswerMemory.Key key = small.keyOf(message("z9hG4bK-" + i, "127.0.0.1", 5070, "MESSAGE"));
            assertThat(small.arrive(key)).isEqualTo(new AnswerMemory.Answered(Response.OK, null));
        }

        advance(9);   // a new generation has room again
        AnswerMemory.Key next = small.keyOf(message("z9hG4bK-next", "127.0.0.1", 5070, "MESSAGE"));
        assertThat(small.arrive(next)).isInstanceOf(AnswerMemory.First.class);
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static MessageFactory messages() throws Exception {
        return SipFactory.getInstance().createMessageFactory();
    }

    private static Request message(String branch, String host, int port, String method) throws Exception {
        String text = method + " sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: c1@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        return messages().createRequest(text);
    }
}
