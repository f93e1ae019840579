package io.switchboard.bench.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;

/**
 * Turns the server's byte stream into {@link StreamEvent}s and top-level {@link XmlNode}
 * stanzas with Aalto's non-blocking parser, so that one thread can serve thousands of
 * connections. {@link #restart()} starts a fresh parser for the stream restarts after STARTTLS
 * and SASL (RFC 6120 §5.4.3.3, §6.4.6).
 *
 * <p>Even a benchmark reads hostile input: DTDs are refused, and a stanza that grows past the
 * configured element or text limits ends the connection.
 */
public final class XmppFrameDecoder extends ChannelInboundHandlerAdapter {

    private static final AsyncXMLInputFactory FACTORY = newFactory();

    private final int maxElementsPerStanza;
    private final int maxTextPerStanza;
    private final Deque<XmlNode> open = new ArrayDeque<>();
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = FACTORY.createAsyncForByteArray();
    private int depth;
    private int elementsInStanza;
    private int textInStanza;

    public XmppFrameDecoder(int maxElementsPerStanza, int maxTextPerStanza) {
        this.maxElementsPerStanza = maxElementsPerStanza;
        this.maxTextPerStanza = maxTextPerStanza;
    }

    private static AsyncXMLInputFactory newFactory() {
        AsyncXMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        return f;
    }

    /** Forgets the current stream; the next bytes must start a new one. Call on the channel's event loop. */
    public void restart() {
        reader = FACTORY.createAsyncForByteArray();
        open.clear();
        depth = 0;
        elementsInStanza = 0;
        textInStanza = 0;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            AsyncXMLStreamReader<AsyncByteArrayFeeder> feeding = reader;
            feeding.getInputFeeder().feedInput(bytes, 0, bytes.length);
            drain(ctx, feeding);
        } finally {
            buf.release();
        }
    }

    private void drain(ChannelHandlerContext ctx, AsyncXMLStreamReader<AsyncByteArrayFeeder> feeding) throws XMLStreamException {
        // A handler may restart the stream while we fire an event; the old reader's remaining
        // input then belongs to a stream that no longer exists, so stop reading it.
        while (feeding == reader && feeding.hasNext()) {
            int event = feeding.next();
            switch (event) {
                case AsyncXMLStreamReader.EVENT_INCOMPLETE:
                    return;
                case XMLStreamConstants.START_ELEMENT:
                    onStart(ctx, feeding);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    onEnd(ctx);
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    onText(feeding);
                    break;
                case XMLStreamConstants.DTD:
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new DecoderException("server sent a DTD or entity reference");
                default:
                    break;
            }
        }
    }

    private void onStart(ChannelHandlerContext ctx, AsyncXMLStreamReader<AsyncByteArrayFeeder> r) {
        depth++;
        if (depth == 1) {
            ctx.fireChannelRead(StreamEvent.OPENED);
            return;
        }
        if (++elementsInStanza > maxElementsPerStanza) {
            throw new DecoderException("stanza has more than " + maxElementsPerStanza + " elements");
        }
        Map<String, String> attrs = r.getAttributeCount() == 0 ? Map.of() : new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String prefix = r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            attrs.put(prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, r.getAttributeValue(i));
        }
        XmlNode node = new XmlNode(r.getLocalName(), r.getNamespaceURI(), attrs);
        XmlNode parent = open.peek();
        if (parent != null) {
            parent.addChild(node);
        }
        open.push(node);
    }

    private void onEnd(ChannelHandlerContext ctx) {
        depth--;
        if (depth == 0) {
            ctx.fireChannelRead(StreamEvent.CLOSED);
            return;
        }
        XmlNode node = open.pop();
        if (open.isEmpty()) {
            elementsInStanza = 0;
            textInStanza = 0;
            ctx.fireChannelRead(node);
        }
    }

    private void onText(AsyncXMLStreamReader<AsyncByteArrayFeeder> r) {
        XmlNode node = open.peek();
        if (node == null) {
            return; // whitespace keepalives between stanzas
        }
        textInStanza += r.getTextLength();
        if (textInStanza > maxTextPerStanza) {
            throw new DecoderException("stanza has more than " + maxTextPerStanza + " characters of text");
        }
        node.appendText(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
    }
}
