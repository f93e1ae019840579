package io.switchboard.server.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.sip.SipServer;
import io.switchboard.sip.stack.SipStackFactory;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.message.Response;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A stateless request has no server transaction to absorb its retransmissions: the dispatcher
 * drops copies that arrive while the first is still queued or being processed (ADR 0014), over a
 * real JAIN-SIP stack and a raw UDP socket.
 */
class StatelessRetransmissionTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger processed = new AtomicInteger();
    private final ListAppender<ILoggingEvent> dropped = new ListAppender<>();
    private final Logger dispatcherLog = (Logger) LoggerFactory.getLogger(SipRequestDispatcher.class);
    private Level levelBefore;
    private SipServer server;

    @BeforeEach
    void watchTheDispatcher() {
        levelBefore = dispatcherLog.getLevel();
        dispatcherLog.setLevel(Level.DEBUG);   // a dropped copy is one DEBUG line
        dropped.start();
        dispatcherLog.addAppender(dropped);
    }

    @AfterEach
    void stop() {
        dispatcherLog.detachAppender(dropped);
        dispatcherLog.setLevel(levelBefore);
        release.countDown();
        if (server != null) {
            server.close();
        }
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
        SipConfig config = SipConfig.defaults().withPort(0).withTls(false, 0);
        server = new SipServer(config, new SipMessaging("example.com", config.transports(),
                new PendingRequests(config.maxPendingRequests())), new SipStackFactory(),
                Clock.systemUTC(), SipServer.newWorkerPool(), SipServer.newTimer(), Map.of("OPTIONS", slow),
                request -> request.respond(Response.METHOD_NOT_ALLOWED));
        server.start();

        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(5000);
            byte[] options = options(socket.getLocalPort(), "z9hG4bK-retransmitted-1");
            send(socket, options);
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> processed.get() == 1);

            send(socket, options);   // a retransmission while the first copy is being processed
            // it reached the dispatcher and was dropped there (no worker took it): only then let go
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> dropped.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("retransmission of one not answered yet")));
            release.countDown();

            assertThat(receive(socket)).startsWith("SIP/2.0 200");
            assertThat(processed).hasValue(1);

            // answered and forgotten: a later copy is processed again. The worker forgets the
            // request just after its answer left, so a copy sent the instant the answer arrives can
            // still be dropped as in flight; like a UDP client (Timer E), send again until answered.
            socket.setSoTimeout(500);
            String answer = null;
            for (int attempt = 0; attempt < 10 && answer == null; attempt++) {
                send(socket, options);
                try {
                    answer = receive(socket);
                } catch (java.net.SocketTimeoutException notYet) {
                    // dropped as a retransmission of the one just answered: the next copy goes through
                }
            }
            assertThat(answer).startsWith("SIP/2.0 200");
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

    private void send(DatagramSocket socket, byte[] bytes) throws Exception {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.port()));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }
}
