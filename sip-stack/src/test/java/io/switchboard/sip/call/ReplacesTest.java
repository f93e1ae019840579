package io.switchboard.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReplacesTest {

    @Test
    void theHeaderOfRfc3891Section6Point1IsRead() {
        // RFC 3891 6.1: Replaces: 98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff
        Replaces replaces = Replaces.parse("98732@sip.example.com\r\n          ;from-tag=r33th4x0r\r\n          ;to-tag=ff87ff")
                .orElseThrow();
        assertThat(replaces).isEqualTo(new Replaces("98732@sip.example.com", "ff87ff", "r33th4x0r"));
    }

    @Test
    void earlyOnlyAndUnknownParametersAreIgnored() {
        // RFC 3891 6.1: Replaces: 12adf2f34456gs5;to-tag=12345;from-tag=54321;early-only
        assertThat(Replaces.parse("12adf2f34456gs5;to-tag=12345;from-tag=54321;early-only"))
                .contains(new Replaces("12adf2f34456gs5", "12345", "54321"));
    }

    @Test
    void aReplacesWithoutBothTagsOrTooLongIsRefused() {
        assertThat(Replaces.parse("abc;to-tag=1")).isEmpty();
        assertThat(Replaces.parse(";to-tag=1;from-tag=2")).isEmpty();
        assertThat(Replaces.parse("x".repeat(600) + ";to-tag=1;from-tag=2")).isEmpty();
        assertThat(Replaces.parse(null)).isEmpty();
    }

    @Test
    void theReferToFormIsEscapedAndReadBack() {
        // RFC 3891 7.1: Refer-To: <sip:bob@bobster.example.org?Replaces=12345%40192.168.118.3%3B
        //                          to-tag%3D12345%3Bfrom-tag%3D5FFE-3994>
        Replaces replaces = Replaces.parseEscaped("12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994")
                .orElseThrow();
        assertThat(replaces).isEqualTo(new Replaces("12345@192.168.118.3", "12345", "5FFE-3994"));
        assertThat(Replaces.parseEscaped(replaces.uriEscaped())).contains(replaces);
    }

    @Test
    void aSipFragStatusLineIsRead() {
        // RFC 3515 2.4.5 / RFC 3420: the NOTIFY body is the new call's status line
        assertThat(SipFrag.status("SIP/2.0 200 OK\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
        assertThat(SipFrag.status("SIP/2.0 100 Trying\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(100);
        assertThat(SipFrag.status("SIP/2.0 503 Service Unavailable".getBytes(StandardCharsets.UTF_8))).isEqualTo(503);
        assertThat(SipFrag.status("INVITE sip:x SIP/2.0".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(SipFrag.status("SIP/2.0 2x0 OK".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(SipFrag.status(null)).isZero();
    }
}
