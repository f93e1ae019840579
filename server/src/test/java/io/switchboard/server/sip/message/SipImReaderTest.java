package io.switchboard.server.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.switchboard.sip.message.IsComposing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** What the gateway reads from a MESSAGE (RFC 7572 §5, RFC 3994), from whole SIP messages as they arrive. */
class SipImReaderTest {

    private final SipImReader reader = new SipImReader();

    /** RFC 7572 §5's SIP-to-XMPP example (Juliet answering Romeo), with our domain's users. */
    @Test
    void readsTheRfc7572Example() throws Exception {
        Request request = message("text/plain", "Neither, fair saint, if either thee dislike.".getBytes(StandardCharsets.UTF_8));

        SipIm im = reader.read(request).orElseThrow();

        assertThat(im.text()).contains("Neither, fair saint, if either thee dislike.");
        assertThat(im.isText()).isTrue();
    }

    @Test
    void decodesTheDeclaredCharsetAndDefaultsToUtf8() throws Exception {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        assertThat(reader.read(message("text/plain;charset=ISO-8859-1", "Grüße".getBytes(latin1))).orElseThrow().text())
                .contains("Grüße");
        assertThat(reader.read(message("text/plain;charset=\"utf-8\"", "Grüße".getBytes(StandardCharsets.UTF_8)))
                .orElseThrow().text()).contains("Grüße");
        assertThat(reader.read(message("TEXT/PLAIN", "👋".getBytes(StandardCharsets.UTF_8))).orElseThrow().text())
                .contains("👋");
    }

    @Test
    void readsTheSubject() throws Exception {
        Request request = message("text/plain", "see you".getBytes(StandardCharsets.UTF_8), "Subject: Lunch\r\n");

        assertThat(reader.read(request).orElseThrow().subject()).contains("Lunch");
    }

    @Test
    void readsIsComposingTheRfc3994Way() throws Exception {
        Request request = message("application/im-iscomposing+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">
                  <state>active</state>
                  <contenttype>text/plain</contenttype>
                  <refresh>90</refresh>
                </isComposing>
                """.getBytes(StandardCharsets.UTF_8));

        SipIm im = reader.read(request).orElseThrow();

        assertThat(im.isText()).isFalse();
        assertThat(im.composing()).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(IsComposing.State.ACTIVE));
    }

    @Test
    void otherTypesAreNotTheGatewaysToCarry() throws Exception {
        assertThat(reader.read(message("message/cpim", "From: x".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(reader.read(message("text/html", "<b>hi</b>".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void unreadableBodiesAreRefusedWithTheRightStatus() throws Exception {
        assertStatus(message("text/plain", new byte[] {(byte) 0xC3, (byte) 0x28}), 400);
        assertStatus(message("text/plain;charset=x-no-such-charset", "hi".getBytes(StandardCharsets.UTF_8)), 415);
        assertStatus(message("text/plain", "bell \u0007".getBytes(StandardCharsets.UTF_8)), 400);
        assertStatus(message("text/plain", "x".repeat(SipImReader.MAX_TEXT_BYTES + 1).getBytes(StandardCharsets.UTF_8)), 413);
        assertStatus(message("application/im-iscomposing+xml",
                "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>typing</state></isComposing>"
                        .getBytes(StandardCharsets.UTF_8)), 400);
    }

    private void assertStatus(Request request, int status) {
        assertThatThrownBy(() -> reader.read(request))
                .isInstanceOfSatisfying(SipImReader.RefusedException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    private static Request message(String contentType, byte[] body) throws Exception {
        return message(contentType, body, "");
    }

    private static Request message(String contentType, byte[] body, String extraHeaders) throws Exception {
        String head = "MESSAGE sip:juliet@localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bKeskdgs7d6\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:romeo@localhost>;tag=12345\r\n"
                + "To: <sip:juliet@localhost>\r\n"
                + "Call-ID: 9E97FB43-85F4-4A00-8751-1124FD4C7B2E\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + extraHeaders
                + "Content-Type: " + contentType + "\r\n\r\n";
        Request request = new MessageFactoryImpl().createRequest(head);
        request.setContent(body, request.getHeader("Content-Type") instanceof javax.sip.header.ContentTypeHeader t ? t
                : null);
        return request;
    }
}
