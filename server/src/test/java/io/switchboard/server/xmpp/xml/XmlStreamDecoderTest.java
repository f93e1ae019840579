package io.switchboard.server.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.switchboard.server.xmpp.session.StreamErrorCondition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlStreamDecoderTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0' xml:lang='en'>";
    private static final String MESSAGE = "<message to='juliet@example.com' type='chat' id='m1'>"
            + "<body>Wherefore art thou, Rom\u00e9o? \u2603 \uD83D\uDE00 &lt;&amp;&gt; &#x41;</body>"
            + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>";

    private final EmbeddedChannel channel = new EmbeddedChannel(new XmlStreamDecoder(new XmlStreamLimits(4096, 8)));

    @Test
    void emitsHeaderStanzasAndEnd() {
        write(HEADER + MESSAGE + " \n<presence/></stream:stream>");

        List<Object> events = readAll();
        assertThat(events).hasSize(4);
        StreamHeader header = (StreamHeader) events.get(0);
        assertThat(header.localName()).isEqualTo("stream");
        assertThat(header.namespace()).isEqualTo(StreamHeader.STREAMS_NAMESPACE);
        assertThat(header.prefix()).isEqualTo("stream");
        assertThat(header.contentNamespace()).isEqualTo("jabber:client");
        assertThat(header.attributes()).containsEntry("to", "example.com").containsEntry("version", "1.0")
                .containsEntry("xml:lang", "en");
        XmlElement message = (XmlElement) events.get(1);
        assertThat(message.is("message", "jabber:client")).isTrue();
        assertThat(message.attr("to")).isEqualTo("juliet@example.com");
        assertThat(message.childText("body")).contains("Wherefore art thou, Rom\u00e9o? \u2603 \uD83D\uDE00 <&> A");
        assertThat(message.child("active", "http://jabber.org/protocol/chatstates")).isPresent();
        assertThat(((XmlElement) events.get(2)).is("presence", "jabber:client")).isTrue();
        assertThat(events.get(3)).isEqualTo(StreamEnd.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 13})
    void sameResultWhateverTheByteBoundaries(int sliceLength) {
        byte[] bytes = (HEADER + MESSAGE).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += sliceLength) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(sliceLength, bytes.length - i)));
        }

        List<Object> events = readAll();
        assertThat(events).hasSize(2);
        assertThat(((XmlElement) events.get(1)).childText("body"))
                .contains("Wherefore art thou, Rom\u00e9o? \u2603 \uD83D\uDE00 <&> A");
    }

    @Test
    void multiByteCharacterSplitBetweenReads() {
        write(HEADER);
        byte[] bytes = "<message><body>\uD83D\uDE00</body></message>".getBytes(StandardCharsets.UTF_8);
        int inEmoji = "<message><body>".length() + 2; // in the middle of the 4-byte sequence
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, inEmoji));
        assertThat(readAll()).hasSize(1); // only the header so far
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, inEmoji, bytes.length - inEmoji));

        assertThat(((XmlElement) channel.readInbound()).childText("body")).contains("\uD83D\uDE00");
    }

    @Test
    void whitespaceKeepAlivesAreIgnored() {
        write(HEADER);
        for (int i = 0; i < 10_000; i++) {
            write(" ");
        }
        write("<presence/>");

        List<Object> events = readAll();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOf(XmlElement.class);
    }

    @Test
    void stanzaOverTheByteLimitIsPolicyViolation() {
        write(HEADER + "<message><body>");
        String chunk = "x".repeat(1000);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                write(chunk);
            }
        }).isInstanceOfSatisfying(XmlStreamException.class,
                e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
    }

    @Test
    void manySmallStanzasDoNotAddUpToTheLimit() {
        write(HEADER);
        for (int i = 0; i < 200; i++) {
            write("<message><body>" + "y".repeat(100) + "</body></message>");
        }
        assertThat(readAll()).hasSize(201);
    }

    @Test
    void tooDeepIsPolicyViolation() {
        assertError(HEADER + "<a><a><a><a><a><a><a><a><a><a>", StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void doctypeIsRestrictedXml() {
        assertError("<?xml version='1.0'?><!DOCTYPE stream:stream []>" + HEADER.substring(21),
                StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder bomb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        bomb.append("<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>");
        for (int i = 2; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" '");
            bomb.append(("&lol" + (i - 1) + ";").repeat(10)).append("'>");
        }
        bomb.append("]><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
                + "<message><body>&lol9;</body></message>");

        assertError(bomb.toString(), StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void undeclaredEntityInStanzaIsRefused() {
        write(HEADER);
        assertThatThrownBy(() -> write("<message><body>&lol9;</body></message>"))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition())
                        .isIn(StreamErrorCondition.RESTRICTED_XML, StreamErrorCondition.NOT_WELL_FORMED));
    }

    @Test
    void externalEntityIsRefused() {
        assertError("<?xml version='1.0'?><!DOCTYPE foo [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
                + "<message><body>&xxe;</body></message>", StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void cdataInAStanzaIsText() {
        write(HEADER + "<message><body><![CDATA[<b>&</b>]]></body></message>");
        List<Object> events = readAll();
        assertThat(((XmlElement) events.get(1)).childText("body")).contains("<b>&</b>");
    }

    @Test
    void doctypeSplitAcrossReadsIsRestrictedXml() {
        write("<?xml version='1.0'?><");
        assertError("!DOCTYPE x>", StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void processingInstructionIsRestrictedXml() {
        assertError(HEADER + "<?evil stuff?>", StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void commentIsRestrictedXml() {
        assertError(HEADER + "<!-- hello -->", StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void malformedXmlIsNotWellFormed() {
        assertError(HEADER + "<message><body></message>", StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void invalidUtf8IsNotWellFormed() {
        write(HEADER);
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(
                new byte[] {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'})))
                .isInstanceOfSatisfying(XmlStreamException.class,
                        e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED));
    }

    @Test
    void textBetweenStanzasIsBadFormat() {
        assertError(HEADER + "hello<presence/>", StreamErrorCondition.BAD_FORMAT);
    }

    @Test
    void inputAfterAnErrorIsDiscarded() {
        assertError(HEADER + "<?evil?>", StreamErrorCondition.RESTRICTED_XML);
        assertThat(readAll()).hasSize(1); // the header before the error
        write("<presence/>");
        assertThat(readAll()).isEmpty();
    }

    @Test
    void resetStartsANewStream() {
        write(HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        assertThat(readAll()).hasSize(2);

        ((XmlStreamDecoder) channel.pipeline().first()).reset();
        write(HEADER + "<presence/>");

        List<Object> events = readAll();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(StreamHeader.class);
    }

    private void assertError(String xml, StreamErrorCondition expected) {
        assertThatThrownBy(() -> write(xml)).isInstanceOfSatisfying(XmlStreamException.class,
                e -> assertThat(e.condition()).isEqualTo(expected));
    }

    private void write(String s) {
        channel.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    private List<Object> readAll() {
        List<Object> events = new ArrayList<>();
        Object o;
        while ((o = channel.readInbound()) != null) {
            events.add(o);
        }
        return events;
    }
}
