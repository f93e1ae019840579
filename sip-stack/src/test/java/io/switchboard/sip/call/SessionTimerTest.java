package io.switchboard.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.MessageFactoryImpl;

import java.time.Duration;

import javax.sip.message.Request;

import org.junit.jupiter.api.Test;

class SessionTimerTest {

    private static Request invite(String sessionExpires) throws Exception {
        String text = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: Bob <sip:bob@biloxi.example.com>\r\n"
                + "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
                + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
                + "CSeq: 314159 INVITE\r\n"
                + (sessionExpires == null ? "" : "Session-Expires: " + sessionExpires + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        return new MessageFactoryImpl().createRequest(text);
    }

    @Test
    void theRfc4028ExampleIsRead() throws Exception {
        // RFC 4028 4: Session-Expires: 4000;refresher=uac
        assertThat(SessionTimer.read(invite("4000;refresher=uac")))
                .contains(new SessionTimer.Offered(Duration.ofSeconds(4000), "uac"));
        assertThat(SessionTimer.read(invite("1800")))
                .contains(new SessionTimer.Offered(Duration.ofSeconds(1800), ""));
        assertThat(SessionTimer.read(invite(null))).isEmpty();
    }

    @Test
    void nonsenseIntervalsMeanNoTimer() throws Exception {
        assertThat(SessionTimer.read(invite("0"))).isEmpty();
        assertThat(SessionTimer.read(invite("999999999"))).isEmpty();
    }

    @Test
    void theRefresherRefreshesAtHalfAndTheOtherSideGivesUpBeforeTheEnd() {
        // RFC 4028 10: the non-refresher waits the interval minus min(32 s, a third of it)
        SessionTimer longCall = new SessionTimer(Duration.ofSeconds(1800), true);
        assertThat(longCall.refreshAfter()).isEqualTo(Duration.ofSeconds(900));
        assertThat(longCall.expiresAfter()).isEqualTo(Duration.ofSeconds(1768));
        SessionTimer shortCall = new SessionTimer(Duration.ofSeconds(90), false);
        assertThat(shortCall.expiresAfter()).isEqualTo(Duration.ofSeconds(60));
    }
}
