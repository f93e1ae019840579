package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.sip.tls.TestCertificates;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack listening on TLS with our own SSL context, reached by plain JDK TLS sockets. */
class TlsListeningTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificate;
    private SipEndpoint endpoint;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = TestCertificates.generate(dir, "ip:127.0.0.1");
    }

    @BeforeEach
    void start() throws Exception {
        AtomicReference<SipEndpoint> self = new AtomicReference<>();
        endpoint = new SipStackFactory().start(SipStackSettings.loopback("tls-test")
                .withTls(new SipTlsSettings(certificate.serverContext(), 0)), new AnswersEverything(self));
        self.set(endpoint);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void aTakenTlsPortIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            SipStackSettings clash = SipStackSettings.loopback("tls-clash")
                    .withTls(new SipTlsSettings(certificate.serverContext(), taken.getLocalPort()));
            assertThatThrownBy(() -> new SipStackFactory().start(clash, new AnswersEverything(new AtomicReference<>())))
                    .isInstanceOf(SipStackException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void tlsListensOnAPortOfItsOwnNextToUdpAndTcp() {
        assertThat(endpoint.listensOn(SipTransport.TLS)).isTrue();
        assertThat(endpoint.port(SipTransport.TLS)).isNotEqualTo(endpoint.port(SipTransport.UDP));
        assertThat(endpoint.port(SipTransport.UDP)).isEqualTo(endpoint.port(SipTransport.TCP));
    }

    @Test
    void aTlsClientIsAnsweredOverTls13() throws Exception {
        try (SSLSocket socket = (SSLSocket) clientContext().getSocketFactory()
                .createSocket("127.0.0.1", endpoint.port(SipTransport.TLS))) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            socket.getOutputStream().write(options(endpoint.port(SipTransport.TLS)).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(firstLine(socket.getInputStream())).isEqualTo("SIP/2.0 200 OK");
        }
    }

    @Test
    void aClientWithoutForwardSecrecyGetsNoHandshake() throws Exception {
        try (SSLSocket socket = (SSLSocket) clientContext().getSocketFactory()
                .createSocket("127.0.0.1", endpoint.port(SipTransport.TLS))) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_GCM_SHA256"});
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aStackWithTlsButNoContextIsRefusedBeforeItStarts() {
        assertThatThrownBy(() -> SipStackSettings.loopback("x").withTransports(java.util.EnumSet.allOf(SipTransport.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLS settings");
    }

    private static SSLContext clientContext() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {certificate.asTrustAnchor()}, null);
        return context;
    }

    private static String options(int port) {
        return "OPTIONS sip:127.0.0.1:" + port + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bK-tls-test;rport\r\n"
                + "From: <sip:test@example.com>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: tls-test@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private static String firstLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        return line.toString();
    }

    private record AnswersEverything(AtomicReference<SipEndpoint> endpoint) implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            try {
                endpoint.get().provider().sendResponse(endpoint.get().messageFactory().createResponse(200, event.getRequest()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
