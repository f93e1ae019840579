package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnsupportedSipVersionTest {

    private static String of(String message) {
        return UnsupportedSipVersion.of(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void onlyARequestLineWithAnotherSipVersionIsMarked() {
        assertThat(of("OPTIONS sip:t.watson@example.org SIP/7.0\r\nVia: SIP/7.0/UDP c.example.com\r\n\r\n"))
                .isEqualTo("SIP/7.0");
        assertThat(of("\r\n\r\nINVITE sip:a@b sip/3.0\r\n\r\n")).isEqualTo("sip/3.0");
        // trailing spaces (RFC 4475 trws) and SIP/2.0 in any case are fine; responses are not ours to refuse
        assertThat(of("OPTIONS sip:remote-target@example.com SIP/2.0  \r\n\r\n")).isNull();
        assertThat(of("OPTIONS sip:a@b sip/2.0\r\n\r\n")).isNull();
        assertThat(of("SIP/7.0 200 OK\r\n\r\n")).isNull();
        assertThat(of("")).isNull();
        assertThat(UnsupportedSipVersion.of(null)).isNull();
    }
}
