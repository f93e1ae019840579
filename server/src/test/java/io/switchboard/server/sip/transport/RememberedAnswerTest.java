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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Response;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A request whose answer is remembered ({@link RequestProcessor#answerRemembered()}) is processed
 * once however often it is retransmitted over UDP, and every copy after the answer gets the same
 * answer, To tag included — over a real JAIN-SIP stack and a raw UDP socket.
 */
class RememberedAnswerTest {

    private static final Pattern TO_TAG = Pattern.compile("(?m)^To: .*;tag=([^;\\r\\n]+)");

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
    void aRetransmittedMessageIsProcessedOnceAndEveryCopyGetsTheSameAnswer() throws Exception {
        start(request -> {
            processed.incrementAndGet();
            await();
            request.respond(Response.OK);
        });
        try (DatagramSocket socket = socket()) {
            byte[] message = message(socket.getLocalPort(), "z9hG4bK-remembered-1");
            send(socket, message);
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> processed.get() == 1);
            send(socket, message);   // while the first copy is processed
            // it reached the dispatcher and was dropped there: only then let the first one answer
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> dropped.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("retransmission of one not answered yet")));
            release.countDown();

            String first = receive(socket);
            assertThat(first).startsWith("SIP/2.0 200");
            for (int copy = 0; copy < 3; copy++) {
                String again = retransmitUntilAnswered(socket, message);
                assertThat(again).startsWith("SIP/2.0 200");
                assertThat(toTag(again)).isEqualTo(toTag(first));
            }
            assertThat(processed).hasValue(1);

            String other = retransmitUntilAnswered(socket, message(socket.getLocalPort(), "z9hG4bK-remembered-2"));
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
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
            request.send(accepted);
        });
        try (DatagramSocket socket = socket()) {
            byte[] message = message(socket.getLocalPort(), "z9hG4bK-whole-1");
            send(socket, message);
            String first = receive(socket);
            String again = retransmitUntilAnswered(socket, message);

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
        try (DatagramSocket socket = socket()) {
            byte[] message = message(socket.getLocalPort(), "z9hG4bK-forgotten-1");
            send(socket, message);
            assertThat(receive(socket)).startsWith("SIP/2.0 407");
            assertThat(retransmitUntilAnswered(socket, message)).startsWith("SIP/2.0 407");
            assertThat(processed).hasValue(2);
        }
    }

    private void start(java.util.function.Consumer<IncomingRequest> handling) throws Exception {
        RequestProcessor processor = new RequestProcessor() {
            @Override
            public void process(IncomingRequest request) {
                handling.accept(request);
            }

            @Override
            public boolean answerRemembered() {
                return true;
            }
        };
        SipConfig config = SipConfig.defaults().withPort(0).withTls(false, 0);
        server = new SipServer(config, new SipMessaging("example.com", config.transports(),
                new PendingRequests(config.maxPendingRequests())), new SipStackFactory(),
                Clock.systemUTC(), SipServer.newWorkerPool(), SipServer.newTimer(), Map.of("MESSAGE", processor),
                request -> request.respond(Response.METHOD_NOT_ALLOWED));
        server.start();
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
        return socket;
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

    private void send(DatagramSocket socket, byte[] bytes) throws Exception {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.port()));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer from the server in " + socket.getSoTimeout() + " ms", e);
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    /**
     * Sends {@code bytes} again every 500 ms until an answer comes, as a UDP client does (Timer E):
     * JAIN-SIP itself drops a copy that arrives while the one before it is still being dispatched,
     * which a client sending the next copy the instant an answer arrives can meet.
     */
    private String retransmitUntilAnswered(DatagramSocket socket, byte[] bytes) throws Exception {
        socket.setSoTimeout(500);
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                send(socket, bytes);
                try {
                    return receive(socket);
                } catch (AssertionError dropped) {
                    // no answer to this copy: the next one gets it
                }
            }
            throw new AssertionError("no answer to 10 copies sent 500 ms apart");
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    private static String toTag(String response) {
        Matcher matcher = TO_TAG.matcher(response);
        assertThat(matcher.find()).as("a To tag in %s", response).isTrue();
        return matcher.group(1);
    }
}
