package io.switchboard.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

class XmppFrameDecoderTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' from='localhost' id='x' version='1.0'>";

    private final EmbeddedChannel channel = new EmbeddedChannel(new XmppFrameDecoder(100, 1000));

    private List<Object> feed(String... chunks) {
        for (String chunk : chunks) {
            channel.writeInbound(Unpooled.copiedBuffer(chunk, StandardCharsets.UTF_8));
        }
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = channel.readInbound()) != null) {
            out.add(o);
        }
        return out;
    }

    @Test
    void splitsStanzasAcrossArbitraryChunkBoundaries() {
        String presence = "<presence from='u00001@localhost/bench'><show>away</show><status>sbb 7 123</status></presence>";
        String all = HEADER + presence + " " + presence;
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < all.length(); i += 7) {
            chunks.add(all.substring(i, Math.min(all.length(), i + 7)));
        }

        List<Object> out = feed(chunks.toArray(String[]::new));

        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isEqualTo(StreamEvent.OPENED);
        XmlNode p = (XmlNode) out.get(1);
        assertThat(p.name()).isEqualTo("presence");
        assertThat(p.namespace()).isEqualTo("jabber:client");
        assertThat(p.attribute("from")).isEqualTo("u00001@localhost/bench");
        assertThat(p.childText("status")).isEqualTo("sbb 7 123");
        assertThat(p.childText("show")).isEqualTo("away");
    }

    @Test
    void readsFeaturesWithNamespacesAndTheStreamEnd() {
        List<Object> out = feed(HEADER, "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>"
                + "<required/></starttls></stream:features></stream:stream>");

        XmlNode features = (XmlNode) out.get(1);
        assertThat(features.name()).isEqualTo("features");
        assertThat(features.child("starttls", "urn:ietf:params:xml:ns:xmpp-tls")).isPresent();
        assertThat(out.get(2)).isEqualTo(StreamEvent.CLOSED);
    }

    @Test
    void restartBeginsANewStream() {
        feed(HEADER, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        channel.pipeline().get(XmppFrameDecoder.class).restart();

        List<Object> out = feed(HEADER, "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");

        assertThat(out).hasSize(2);
        assertThat(((XmlNode) out.get(1)).name()).isEqualTo("success");
    }

    @Test
    void refusesStanzasOverTheElementLimit() {
        StringBuilder big = new StringBuilder("<iq type='result' id='roster'><query xmlns='jabber:iq:roster'>");
        for (int i = 0; i < 200; i++) {
            big.append("<item jid='c").append(i).append("@localhost'/>");
        }
        big.append("</query></iq>");
        feed(HEADER);

        assertThatThrownBy(() -> feed(big.toString())).isInstanceOf(DecoderException.class)
                .hasMessageContaining("more than 100 elements");
    }

    @Test
    void refusesADoctype() {
        assertThatThrownBy(() -> feed("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><stream:stream "
                + "xmlns:stream='http://etherx.jabber.org/streams'>"))
                .isInstanceOf(Exception.class);
    }
}
