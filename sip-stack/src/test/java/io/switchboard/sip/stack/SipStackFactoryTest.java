package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Two real stacks on loopback exchanging real transactions; no mocks. */
class SipStackFactoryTest {

    private final SipStackFactory factory = new SipStackFactory();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger packets = (Logger) LoggerFactory.getLogger(Slf4jServerLogger.PACKET_LOGGER);
    private SipEndpoint alice;
    private SipEndpoint bob;
    private RecordingSipListener aliceListener;
    private RecordingSipListener bobListener;

    @BeforeEach
    void startStacks() throws Exception {
        logs.start();
        root.addAppender(logs);
        packets.setLevel(Level.DEBUG);
        aliceListener = new RecordingSipListener(event -> { });
        bobListener = new RecordingSipListener(this::answerOk);
        alice = factory.start(SipStackSettings.loopback("alice"), aliceListener);
        bob = factory.start(SipStackSettings.loopback("bob"), bobListener);
    }

    @AfterEach
    void stopStacks() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        root.detachAppender(logs);
        packets.setLevel(null);
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void optionsIsAnsweredWith200OverEachTransport(SipTransport transport) throws Exception {
        Request options = options(alice, bob, transport);
        ClientTransaction transaction = alice.provider().getNewClientTransaction(options);
        transaction.sendRequest();

        await().atMost(Duration.ofSeconds(5)).until(() -> !aliceListener.responses.isEmpty());
        Response response = aliceListener.responses.get(0).getResponse();
        assertThat(response.getStatusCode()).isEqualTo(Response.OK);
        assertThat(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod()).isEqualTo(Request.OPTIONS);
        assertThat(aliceListener.responses.get(0).getClientTransaction()).isSameAs(transaction);

        Request received = bobListener.requests.get(0).getRequest();
        assertThat(((ViaHeader) received.getHeader(ViaHeader.NAME)).getTransport()).isEqualToIgnoringCase(transport.token());
        assertThat(aliceListener.timeouts).isEmpty();
    }

    @Test
    void packetsAreLoggedBelowInfo() throws Exception {
        alice.provider().getNewClientTransaction(options(alice, bob, SipTransport.UDP)).sendRequest();
        await().atMost(Duration.ofSeconds(5)).until(() -> !aliceListener.responses.isEmpty());

        assertThat(logs.list)
                .filteredOn(e -> e.getLoggerName().equals(Slf4jServerLogger.PACKET_LOGGER))
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("OPTIONS sip:bob@127.0.0.1"))
                .anyMatch(line -> line.contains("SIP/2.0 200 OK"));
        assertThat(logs.list)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .isEmpty();
    }

    @Test
    void everyStackIsItsOwnEvenOnTheSameAddress() {
        assertThat(alice.name()).isNotEqualTo(bob.name());
        assertThat(alice.port()).isNotEqualTo(bob.port());
        assertThat(alice.provider()).isNotSameAs(bob.provider());
        assertThat(alice.listeningPoint(SipTransport.UDP).getPort())
                .isEqualTo(alice.listeningPoint(SipTransport.TCP).getPort());
    }

    @Test
    void aTakenPortIsAClearError() {
        SipStackSettings clash = SipStackSettings.loopback("carol").withPort(bob.port());
        assertThatThrownBy(() -> factory.start(clash, new RecordingSipListener(e -> { })))
                .isInstanceOf(SipStackException.class)
                .hasMessageContaining(Integer.toString(bob.port()));
    }

    @Test
    void anOversizedTcpMessageIsDroppedAndTheConnectionClosed() throws Exception {
        SipStackSettings small = SipStackSettings.loopback("dave").withMaxMessageSize(2_048)
                .withTransports(Set.of(SipTransport.TCP));
        try (SipEndpoint dave = factory.start(small, bobListener);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), dave.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("OPTIONS sip:dave@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-big\r\n"
                    + "X-Padding: " + "a".repeat(8_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("the stack closes the connection").isEqualTo(-1);
        }
        assertThat(bobListener.requests).isEmpty();
    }

    /**
     * A stop racing with a TCP peer that keeps sending: JAIN-SIP's parser thread may arm the read
     * timer after the timer stopped. That must not kill the thread with an uncaught exception.
     */
    @Test
    void stoppingAStackWhileATcpPeerKeepsSendingLeavesNoUncaughtException() throws Exception {
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
        try {
            for (int round = 0; round < 4; round++) {
                SipEndpoint erin = factory.start(SipStackSettings.loopback("erin")
                        .withTransports(Set.of(SipTransport.TCP)), new RecordingSipListener(e -> { }));
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), erin.port())) {
                    OutputStream out = socket.getOutputStream();
                    Thread sender = new Thread(() -> keepSending(out, erin.port()));
                    sender.start();
                    Thread.sleep(round % 5);
                    erin.close();
                    sender.join(5_000);
                }
            }
            Thread.sleep(200); // parser threads finish the bytes they already hold
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).isEmpty();
    }

    private static void keepSending(OutputStream out, int port) {
        byte[] ping = ("OPTIONS sip:erin@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-" + port + "\r\n"
                + "From: <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:erin@127.0.0.1>\r\nCall-ID: c" + port + "\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < 2_000; i++) {
                out.write(ping);
            }
        } catch (java.io.IOException closed) {
            // the stack stopped and closed the connection: what the test waits for
        }
    }

    private void answerOk(RequestEvent event) {
        try {
            ServerTransaction transaction = event.getServerTransaction() != null
                    ? event.getServerTransaction()
                    : ((javax.sip.SipProvider) event.getSource()).getNewServerTransaction(event.getRequest());
            transaction.sendResponse(bob.messageFactory().createResponse(Response.OK, event.getRequest()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request options(SipEndpoint from, SipEndpoint to, SipTransport transport) throws Exception {
        HeaderFactory headers = from.headerFactory();
        SipURI target = from.addressFactory().createSipURI("bob", to.host() + ":" + to.port());
        target.setTransportParam(transport.token().toLowerCase());
        SipURI self = from.addressFactory().createSipURI("alice", from.host() + ":" + from.port());
        FromHeader fromHeader = headers.createFromHeader(from.addressFactory().createAddress(self), "a1");
        ToHeader toHeader = headers.createToHeader(from.addressFactory().createAddress(target), null);
        CallIdHeader callId = from.provider().getNewCallId();
        ViaHeader via = headers.createViaHeader(from.host(), from.port(), transport.token(), null);
        return from.messageFactory().createRequest(target, Request.OPTIONS, callId,
                headers.createCSeqHeader(1L, Request.OPTIONS), fromHeader, toHeader, List.of(via),
                headers.createMaxForwardsHeader(70));
    }
}
