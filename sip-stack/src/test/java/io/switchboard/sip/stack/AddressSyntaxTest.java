package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddressSyntaxTest {

    private static String problem(String headers) {
        return AddressSyntax.problem(("OPTIONS sip:a@b SIP/2.0\r\n" + headers + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theRfc4475AddressErrorsAreFound() {
        // 3.1.2.15 baddn and 3.1.2.13 regbadct
        assertThat(problem("From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43")).contains("','");
        assertThat(problem("Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E")).contains("outside <>");
    }

    @Test
    void responsesAreNotChecked() {
        assertThat(AddressSyntax.problem("SIP/2.0 200 OK\r\nFrom: Bell, Alexander <sip:a@b>;tag=1\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1))).isNull();
    }

    @Test
    void validAddressFormsPass() {
        assertThat(problem("From: \"Bell, Alexander\" <sip:a@b>;tag=1\r\nTo: caller<sip:c@d>\r\n"
                + "Contact: <sip:user@example.com?Route=%3Csip:sip.example.com%3E>\r\n"
                + "t: sip:x@y;tag=2\r\nm: *\r\nContact: <sip:a@b>, <sip:c@d>;q=0.5\r\n"
                // 3.1.1.2 intmeth: every token character in an unquoted display name
                + "From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;tag=_token~1'+`*%!-.\r\n"
                + "To: Jörg Müller <sip:j@example.com>\r\n"
                + "Via: SIP/2.0/UDP h;branch=z9hG4bK?x")).isNull();
    }
}
