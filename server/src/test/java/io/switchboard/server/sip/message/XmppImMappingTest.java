package io.switchboard.server.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.xml.XmlElement;
import io.switchboard.sip.message.IsComposing;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7572 (addresses, bodies) and RFC 3994 ↔ XEP-0085 on the XMPP side of the gateway. */
class XmppImMappingTest {

    private static final Address ROMEO = Address.of("romeo", "example.net");
    private static final Address JULIET = Address.of("juliet", "example.net");
    private final XmppImMapping mapping = new XmppImMapping();

    @Test
    void aSipTextBecomesAChatFromTheSendersSipResource() {
        XmlElement message = mapping.toXmpp(ROMEO, JULIET,
                SipIm.text("Neither, fair saint, if either thee dislike.", Optional.of("Balcony")));

        assertThat(message.attr("from")).isEqualTo("romeo@example.net/sip:chat");
        assertThat(message.attr("to")).isEqualTo("juliet@example.net");
        assertThat(message.attr("type")).isEqualTo("chat");
        assertThat(message.attr("id")).startsWith("sip-");
        assertThat(message.childText("body")).contains("Neither, fair saint, if either thee dislike.");
        assertThat(message.childText("subject")).contains("Balcony");
        assertThat(message.child("active", Namespaces.CHAT_STATES)).isPresent();
    }

    @Test
    void isComposingBecomesComposingOrPaused() {
        XmlElement active = mapping.toXmpp(ROMEO, JULIET, SipIm.composing(IsComposing.active(90)));
        XmlElement idle = mapping.toXmpp(ROMEO, JULIET, SipIm.composing(IsComposing.idle()));

        assertThat(active.child("composing", Namespaces.CHAT_STATES)).isPresent();
        assertThat(active.child("body")).isEmpty();
        assertThat(idle.child("paused", Namespaces.CHAT_STATES)).isPresent();
    }

    /** RFC 7572 §5's XMPP-to-SIP example: the body becomes the text/plain MESSAGE body. */
    @Test
    void anXmppChatBecomesItsBody() {
        XmlElement message = chat("juliet@example.net/yn0cl4bnw0yr3vym")
                .child(XmlElement.builder("body", Namespaces.CLIENT).text("Art thou not Romeo, and a Montague?").build())
                .build();

        SipIm im = mapping.fromXmpp(message).orElseThrow();

        assertThat(im.text()).contains("Art thou not Romeo, and a Montague?");
        assertThat(im.subject()).isEmpty();
        assertThat(mapping.sender(message)).contains(JULIET);
    }

    @Test
    void theBodyWithoutLanguageWinsOverTranslations() {
        XmlElement message = chat("juliet@example.net/balcony")
                .child(XmlElement.builder("body", Namespaces.CLIENT).attr("xml:lang", "it").text("Ciao").build())
                .child(XmlElement.builder("body", Namespaces.CLIENT).text("Hello").build())
                .build();

        assertThat(mapping.fromXmpp(message).orElseThrow().text()).contains("Hello");
    }

    @Test
    void chatStatesBecomeIsComposing() {
        assertThat(state("composing").composing()).contains(IsComposing.active(90));
        for (String other : new String[] {"paused", "active", "inactive", "gone"}) {
            assertThat(state(other).composing()).as(other).contains(IsComposing.idle());
        }
    }

    @Test
    void aMessageWithNeitherBodyNorChatStateHasNothingForSip() {
        XmlElement receipt = chat("juliet@example.net/balcony")
                .child(XmlElement.builder("received", "urn:xmpp:receipts").attr("id", "m1").build()).build();

        assertThat(mapping.fromXmpp(receipt)).isEmpty();
    }

    @Test
    void theDelayStampOfAStoredMessageIsItsTime() {
        XmlElement stored = chat("juliet@example.net/balcony")
                .child(XmlElement.builder("delay", Namespaces.DELAY).attr("stamp", "2026-12-03T10:15:00Z").build())
                .build();

        assertThat(mapping.delayedSince(stored)).contains(Instant.parse("2026-12-03T10:15:00Z"));
        assertThat(mapping.delayedSince(chat("juliet@example.net").build())).isEmpty();
    }

    @Test
    void aSipDevicesTwoHundredBecomesTheReceiptTheSenderAskedFor() {
        XmlElement asked = chat("romeo@example.net/laptop").attr("id", "m-1")
                .child(XmlElement.builder("body", Namespaces.CLIENT).text("hi").build())
                .child("request", "urn:xmpp:receipts").build();

        XmlElement receipt = mapping.receiptFor(asked).orElseThrow();

        assertThat(receipt.attr("to")).isEqualTo("romeo@example.net/laptop");
        assertThat(receipt.attr("from")).isEqualTo("romeo@example.net/sip:chat");
        assertThat(receipt.child("received", "urn:xmpp:receipts").orElseThrow().attr("id")).isEqualTo("m-1");
        assertThat(mapping.receiptFor(chat("romeo@example.net/laptop").attr("id", "m-2").build())).isEmpty();
    }

    private SipIm state(String name) {
        return mapping.fromXmpp(chat("juliet@example.net/balcony").child(name, Namespaces.CHAT_STATES).build())
                .orElseThrow();
    }

    private static XmlElement.Builder chat(String from) {
        return XmlElement.builder("message", Namespaces.CLIENT).attr("from", from).attr("to", "romeo@example.net")
                .attr("type", "chat");
    }
}
