package io.switchboard.server.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.message.Response;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stateless request has no server transaction to absorb its retransmissions: the dispatcher
 * drops copies that arrive while the first is still queued or being processed (ADR 0014), over a
 * real JAIN-SIP stack and a raw UDP socket.
 */
class StatelessRetransmissionTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger processed = new AtomicInteger();
    private final RawUdpSip sip = new RawUdpSip();

    @AfterEach
    void stop() {
        release.countDown();
        sip.close();
    }

    @Test
    void copiesArrivingWhileTheFirstIsProcessedAreDroppedAndALaterOneIsProcessedAgain() throws Exception {
        RequestProcessor slow = new RequestProcessor() {
            @Override
            public void process(IncomingRequest request) {
                processed.incrementAndGet();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                request.respond(Response.OK);
            }

            @Override
            public boolean stateless() {
                return true;
            }
        };
        sip.start(Map.of("OPTIONS", slow));

        try (DatagramSocket socket = RawUdpSip.socket()) {
            byte[] options = options(socket.getLocalPort(), "z9hG4bK-retransmitted-1");
            sip.send(socket, options);
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> processed.get() == 1);

            sip.send(socket, options);   // a retransmission while the first copy is being processed
            // it reached the dispatcher and was dropped there (no worker took it): only then let go
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(sip::droppedACopy);
            release.countDown();

            assertThat(RawUdpSip.receive(socket)).startsWith("SIP/2.0 200");
            assertThat(processed).hasValue(1);

            // answered and forgotten: a later copy is processed again. The worker forgets the
            // request just after its answer left, so a copy sent the instant the answer arrives can
            // still be dropped as in flight; like a UDP client (Timer E), send again until answered.
            assertThat(sip.retransmitUntilAnswered(socket, options)).startsWith("SIP/2.0 200");
            assertThat(processed).hasValue(2);
        }
    }

    private byte[] options(int localPort, String branch) {
        String message = "OPTIONS sip:example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:example.com>\r\n"
                + "Call-ID: " + branch + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        return message.getBytes(StandardCharsets.US_ASCII);
    }
}
