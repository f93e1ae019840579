package io.switchboard.sip.ua.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipTimeoutException;
import io.switchboard.sip.ua.SipTransportException;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.ua.UserAgentFixture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transaction layer of a real user agent against the real test peer. */
class ClientTransactionsTest {

    private final UserAgentFixture fixture = new UserAgentFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"}) // TLS: SipTlsIT, TlsListeningTest
    void aChallengedRequestIsAnsweredWithDigestAndSucceeds(SipTransport transport) throws Exception {
        TestSipServer server = fixture.server("peer");
        SipUserAgent alice = fixture.alice(server, transport);

        Response response = options(alice, server.proxy(transport)).get(5, TimeUnit.SECONDS);

        assertThat(response.getStatusCode()).isEqualTo(Response.OK);
        assertThat(server.challengesSent()).isEqualTo(1);
        assertThat(server.received(Request.OPTIONS)).hasSize(2);
    }

    @Test
    void aSilentPeerIsATypedTimeoutWellBeforeTimerF() throws Exception {
        TestSipServer server = fixture.server("silent");
        server.setSilent(true);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);

        long start = System.nanoTime();
        CompletableFuture<Response> response = options(alice, server.proxy(SipTransport.UDP));

        assertThat(failureOf(response)).isInstanceOf(SipTimeoutException.class).hasMessageContaining("OPTIONS");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedTcpConnectionIsATransportFailure() throws Exception {
        TestSipServer server = fixture.server("gone");
        SipProxy proxy = server.proxy(SipTransport.TCP);
        SipUserAgent alice = fixture.alice(server, SipTransport.TCP);
        server.close();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Logger jainSip = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("gov.nist.javax.sip");
        logs.start();
        jainSip.addAppender(logs);

        Throwable failure;
        try {
            failure = failureOf(options(alice, proxy));
        } finally {
            jainSip.detachAppender(logs);
        }

        assertThat(failure).isInstanceOfAny(SipTransportException.class, SipTimeoutException.class);
        assertThat(logs.list).as("a dead proxy is an expected event: no stack trace at WARN or above")
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void aMethodWithoutProcessorIsAnswered405WithAllow() throws Exception {
        // the user agent registers processors for MESSAGE, NOTIFY and OPTIONS; INFO has none
        TestSipServer server = fixture.server("peer");
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);
        HeaderFactory headers = server.endpoint().headerFactory();
        SipURI target = server.endpoint().addressFactory().createSipURI("alice",
                alice.context().endpoint().host() + ":" + alice.context().endpoint().port());
        Request info = server.endpoint().messageFactory().createRequest(target, Request.INFO,
                server.endpoint().provider().getNewCallId(), headers.createCSeqHeader(1L, Request.INFO),
                headers.createFromHeader(server.endpoint().addressFactory().createAddress("sip:srv@example.com"), "x1"),
                headers.createToHeader(server.endpoint().addressFactory().createAddress(target), null),
                java.util.List.of(headers.createViaHeader("127.0.0.1", server.endpoint().port(), "udp", null)),
                headers.createMaxForwardsHeader(70));
        ClientTransaction transaction = server.endpoint().provider().getNewClientTransaction(info);
        transaction.sendRequest();
        await().atMost(Duration.ofSeconds(5)).until(() -> transaction.getState() != null
                && transaction.getState().getValue() >= javax.sip.TransactionState._COMPLETED);
        assertThat(server.received()).isEmpty();
        // the server's stack got the final response; JAIN-SIP keeps it on the transaction's last response
        Response last = ((gov.nist.javax.sip.stack.SIPClientTransaction) transaction).getLastResponse();
        assertThat(last.getStatusCode()).isEqualTo(Response.METHOD_NOT_ALLOWED);
        java.util.List<String> allowed = new java.util.ArrayList<>();
        last.getHeaders(AllowHeader.NAME).forEachRemaining(h -> allowed.add(((AllowHeader) h).getMethod()));
        assertThat(allowed).contains(Request.MESSAGE, Request.NOTIFY, Request.OPTIONS).doesNotContain(Request.INFO);
    }

    private static final AtomicLong CSEQ = new AtomicLong();

    private static CompletableFuture<Response> options(SipUserAgent agent, SipProxy proxy) throws Exception {
        SipContext context = agent.context();
        javax.sip.header.CallIdHeader callId = context.newCallId();
        String tag = SipContext.newTag();
        return context.send(new OutgoingRequest() {
            @Override
            public Request create() {
                return context.newRequest(Request.OPTIONS, context.domainUri(), context.self(), null, callId, tag,
                        CSEQ.incrementAndGet(), proxy);
            }

            @Override
            public String hop() {
                return SipContext.hop(proxy);
            }
        });
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
