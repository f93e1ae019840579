package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedSingleValueHeaderTest {

    private static String find(String message) {
        return RepeatedSingleValueHeader.find(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aSingleValueFieldTwiceIsFoundUnderLongOrCompactNames() {
        assertThat(find("INVITE sip:a@b SIP/2.0\r\nCSeq: 5 INVITE\r\nCall-ID: x\r\nCSeq: 59 INVITE\r\n\r\n"))
                .isEqualTo("CSeq");
        assertThat(find("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 13\r\nl : 5\r\n\r\nbody"))
                .isEqualTo("Content-Length");
        assertThat(find("OPTIONS sip:a@b SIP/2.0\r\ni: 1\r\nCall-ID: 2\r\n\r\n")).isEqualTo("Call-ID");
    }

    @Test
    void listFieldsFoldsAndTheBodyDoNotCount() {
        assertThat(find("REGISTER sip:b SIP/2.0\r\nVia: a\r\nVia: b\r\nContact: <sip:x@y>\r\nContact: <sip:z@y>\r\n"
                + "To: <sip:a@b>\r\n  ;tag=1\r\nFrom: <sip:a@b>\r\n\r\nTo: in the body\r\nTo: again\r\n")).isNull();
        assertThat(RepeatedSingleValueHeader.find(null)).isNull();
    }
}
