package io.switchboard.server.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Response;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request whose answer is remembered ({@link RequestProcessor#answerRemembered()}) is processed
 * once however often it is retransmitted over UDP, and every copy after the answer gets the same
 * answer, To tag included — over a real JAIN-SIP stack and a raw UDP socket.
 */
class RememberedAnswerTest {

    private static final Pattern TO_TAG = Pattern.compile("(?m)^To: .*;tag=([^;\\r\\n]+)");

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger processed = new AtomicInteger();
    private final RawUdpSip sip = new RawUdpSip();

    @AfterEach
    void stop() {
        release.countDown();
        sip.close();
    }

    @Test
    void aRetransmittedMessageIsProcessedOnceAndEveryCopyGetsTheSameAnswer() throws Exception {
        start(request -> {
            processed.incrementAndGet();
            await();
            request.respond(Response.OK);
        });
        try (DatagramSocket socket = RawUdpSip.socket()) {
            byte[] message = message(socket.getLocalPort(), "z9hG4bK-remembered-1");
            sip.send(socket, message);
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> processed.get() == 1);
            sip.send(socket, message);   // while the first copy is processed
            // it reached the dispatcher and was dropped there: only then let the first one answer
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(sip::droppedACopy);
            release.countDown();

            String first = RawUdpSip.receive(socket);
            assertThat(first).startsWith("SIP/2.0 200");
            for (int copy = 0; copy < 3; copy++) {
                String again = sip.retransmitUntilAnswered(socket, message);
                assertThat(again).startsWith("SIP/2.0 200");
                assertThat(toTag(again)).isEqualTo(toTag(first));
            }
            assertThat(processed).hasValue(1);

            String other = sip.retransmitUntilAnswered(socket, message(socket.getLocalPort(), "z9hG4bK-remembered-2"));
            assertThat(toTag(other)).isNotEqualTo(toTag(first));
            assertThat(processed).hasValue(2);
        }
    }

    @Test
    void anAnswerWithMoreThanItsStatusIsRepeatedWhole() throws Exception {
        release.countDown();
        start(request -> {
            processed.incrementAndGet();
            Response accepted = request.createResponse(Response.ACCEPTED);
            try {
                accepted.addHeader(request.messaging().headers().createHeader("Subject", "kept whole-" + processed.get()));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            request.send(accepted);
        });
        try (DatagramSocket socket = RawUdpSip.socket()) {
            byte[] message = message(socket.getLocalPort(), "z9hG4bK-whole-1");
            sip.send(socket, message);
            String first = RawUdpSip.receive(socket);
            String again = sip.retransmitUntilAnswered(socket, message);

            assertThat(again).startsWith("SIP/2.0 202").contains("Subject: kept whole-1");
            assertThat(toTag(again)).isEqualTo(toTag(first));
            assertThat(processed).hasValue(1);
        }
    }

    @Test
    void anAnswerSentToBeForgottenLetsACopyBeProcessedAgain() throws Exception {
        release.countDown();
        start(request -> {
            processed.incrementAndGet();
            request.sendAndForget(request.createResponse(Response.PROXY_AUTHENTICATION_REQUIRED));
        });
        try (DatagramSocket socket = RawUdpSip.socket()) {
            byte[] message = message(socket.getLocalPort(), "z9hG4bK-forgotten-1");
            sip.send(socket, message);
            assertThat(RawUdpSip.receive(socket)).startsWith("SIP/2.0 407");
            assertThat(sip.retransmitUntilAnswered(socket, message)).startsWith("SIP/2.0 407");
            assertThat(processed).hasValue(2);
        }
    }

    private void start(Consumer<IncomingRequest> handling) throws Exception {
        sip.start(Map.of("MESSAGE", new RequestProcessor() {
            @Override
            public void process(IncomingRequest request) {
                handling.accept(request);
            }

            @Override
            public boolean answerRemembered() {
                return true;
            }
        }));
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] message(int localPort, String branch) {
        String text = "MESSAGE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: " + branch + "@127.0.0.1\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String toTag(String response) {
        Matcher matcher = TO_TAG.matcher(response);
        assertThat(matcher.find()).as("a To tag in %s", response).isTrue();
        return matcher.group(1);
    }
}
