package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.e2e.interop.sip.KamailioFixture.User;
import io.switchboard.e2e.interop.sip.RawSipSender.Outcome;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Self-test of {@link RawSipSender} against Kamailio: a well-formed OPTIONS is answered 200 and
 * one whose CSeq method does not match its start line (like RFC 4475 3.1.2.17) is answered 400,
 * over UDP and TCP — so the helper both delivers raw bytes and reads the answers.
 */
class RawSipSenderKamailioInteropIT {

    private static final String DOMAIN = "kamailio.interop.test";

    @RegisterExtension
    static final KamailioFixture KAMAILIO = new KamailioFixture(KamailioFixture.Config.of(DOMAIN, false,
            new User("alice", "secret-a")));

    private static byte[] options(String cseqMethod, String transport) {
        return ("OPTIONS sip:" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:9;branch=z9hG4bK-raw-" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:" + DOMAIN + ">\r\n"
                + "From: <sip:alice@" + DOMAIN + ">;tag=raw1\r\n"
                + "Call-ID: raw-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 " + cseqMethod + "\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static InetSocketAddress target() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), KAMAILIO.port());
    }

    @Test
    void udpOptionsIsAnswered200OnTheSendingSocketOnceTheViaIsRewritten() throws Exception {
        byte[] message = RawSipSender.withTopViaSentBy(options("OPTIONS", "UDP"), "127.0.0.1:9");

        Outcome outcome = RawSipSender.sendUdp(target(), message, Duration.ofSeconds(5));

        assertThat(outcome.finalReply()).as("%s", outcome).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(new String(message, StandardCharsets.US_ASCII)).contains("127.0.0.1:9;rport;branch=");
    }

    @Test
    void udpCseqMismatchIsAnswered400() throws Exception {
        byte[] message = RawSipSender.withTopViaSentBy(options("INVITE", "UDP"), "127.0.0.1:9");

        Outcome outcome = RawSipSender.sendUdp(target(), message, Duration.ofSeconds(5));

        assertThat(outcome.finalReply()).as("%s", outcome).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void tcpAnswersComeBackOnTheConnectionWithoutTouchingTheMessage() throws Exception {
        Outcome ok = RawSipSender.sendTcp(target(), options("OPTIONS", "TCP"), Duration.ofSeconds(5));
        Outcome bad = RawSipSender.sendTcp(target(), options("INVITE", "TCP"), Duration.ofSeconds(5));

        assertThat(ok.finalReply()).as("%s", ok).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(bad.finalReply()).as("%s", bad).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void refusesAnythingButLoopback() {
        assertThatThrownBy(() -> RawSipSender.sendUdp(new InetSocketAddress("192.0.2.1", 5060),
                options("OPTIONS", "UDP"), Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
