package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Slf4jServerLoggerTest {

    @Test
    void sdesKeysAreRedactedFromTheMessageTrace() {
        // RFC 4568 section 4's example attribute
        String sdp = "m=audio 49170 RTP/SAVP 0\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32\r\n"
                + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj\r\n";

        String logged = Slf4jServerLogger.withoutKeys(sdp);

        assertThat(logged).doesNotContain("PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")
                .doesNotContain("NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj")
                .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<key redacted>|2^20|1:32")
                .contains("m=audio 49170 RTP/SAVP 0");
    }
}
