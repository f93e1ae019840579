package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderFieldsTest {

    private static List<String> fields(String message) {
        List<String> seen = new ArrayList<>();
        HeaderFields.scan(message.getBytes(StandardCharsets.ISO_8859_1), field -> {
            seen.add(field.name() + "=" + field.value());
            return null;
        });
        return seen;
    }

    @Test
    void fieldsComeWithFoldsJoinedAndTheBodyAndStartLineLeftOut() {
        assertThat(fields("\r\n\r\nREGISTER sip:a SIP/2.0\r\nVia : SIP/2.0/UDP h\r\nSubject: one\r\n  \t two\r\n"
                + "no colon here\r\nTo:<sip:b@c>\r\n\r\nX: body"))
                .containsExactly("Via=SIP/2.0/UDP h", "Subject=one two", "To=<sip:b@c>");
    }

    @Test
    void aMessageWithoutTheEmptyLineIsScannedToItsEndAndNamesMatchInAnyCase() {
        List<String> matched = new ArrayList<>();
        String result = HeaderFields.scan("OPTIONS sip:a SIP/2.0\r\nCALL-id: 1\r\nContact: x".getBytes(StandardCharsets.ISO_8859_1),
                field -> {
                    matched.add(field.nameIs("call-id") + ":" + field.nameIs("contact"));
                    return field.nameIs("contact") ? field.value() : null;
                });
        assertThat(matched).containsExactly("true:false", "false:true");
        assertThat(result).isEqualTo("x");
        assertThat(HeaderFields.scan("no line end".getBytes(StandardCharsets.ISO_8859_1), f -> "any")).isNull();
    }

    @Test
    void responsesAreToldFromRequests() {
        assertThat(HeaderFields.isResponse(" \r\nSIP/2.0 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(HeaderFields.isResponse("sip/2.0 200 OK".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(HeaderFields.isResponse("SIP:x".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(HeaderFields.isResponse("OPTIONS sip:a SIP/2.0".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
    }
}
