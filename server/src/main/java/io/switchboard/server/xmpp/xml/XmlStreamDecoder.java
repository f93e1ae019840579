package io.switchboard.server.xmpp.xml;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.switchboard.server.xmpp.session.StreamErrorCondition;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Turns the bytes of an XMPP stream into events, incrementally, with Aalto's non-blocking parser:
 * one {@link StreamHeader} for the opening {@code <stream:stream>}, one {@link XmlElement} per
 * complete top-level child (stanza or nonza), and {@link StreamEnd} for {@code </stream:stream>}.
 *
 * <p>Hostile input is refused with an {@link XmlStreamException} carrying the RFC 6120 stream error:
 * DOCTYPE / DTD, comments, processing instructions and entity references other than the five predefined
 * ones and character references are {@code restricted-xml} (RFC 6120 §11.1) — nothing is ever expanded
 * and no external entity is ever resolved; broken XML is {@code not-well-formed}; a top-level element
 * larger than {@link XmlStreamLimits#maxStanzaBytes()} or deeper than {@link XmlStreamLimits#maxDepth()}
 * is {@code policy-violation}. After the first error the rest of the input is discarded.
 *
 * <p>Stream restarts (after STARTTLS and SASL, RFC 6120 §4.3.3) call {@link #reset()}, which replaces
 * the parser: the new stream begins with a new XML declaration and header.
 *
 * <p>Threading: like every Netty handler it is used by its channel's event loop only (not sharable).
 * {@link #reset()} must be called on that event loop too.
 */
public final class XmlStreamDecoder extends ByteToMessageDecoder {

    /** Input is fed in slices of this size so that the size limit is checked while a large stanza arrives. */
    private static final int FEED_SLICE = 8 * 1024;

    private static final AsyncXMLInputFactory FACTORY = newHardenedFactory();

    private final XmlStreamLimits limits;
    private AsyncXMLStreamReader<AsyncByteBufferFeeder> parser;
    private final Deque<XmlElement.Builder> open = new ArrayDeque<>();
    private StringBuilder pendingText;
    /** 0 outside the stream element, 1 inside it between stanzas, 2 inside a stanza, ... */
    private int depth;
    private long bytesSinceBoundary;
    /** Last byte seen before the stream header, to find "<!" split between two reads. */
    private byte lastPrologByte;
    private boolean prologDone;
    private boolean stopped;

    public XmlStreamDecoder(XmlStreamLimits limits) {
        this.limits = limits;
        this.parser = FACTORY.createAsyncForByteBuffer();
    }

    static AsyncXMLInputFactory newHardenedFactory() {
        AsyncXMLInputFactory f = new InputFactoryImpl();
        // No DTD processing, no entity replacement (so references surface as events we refuse),
        // no external entities: the XML bomb and XXE have nothing to work with.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entities are not resolved");
        });
        return f;
    }

    /** Starts a new stream: discards the parser state (and any input not yet parsed). */
    public void reset() {
        closeParser();
        // Bytes already received but not parsed belong to the old stream: a client must wait for
        // <proceed/> or <success/> before it goes on, and plaintext sent ahead of TLS must never be
        // read as if it had come over TLS.
        ByteBuf unparsed = internalBuffer();
        unparsed.skipBytes(unparsed.readableBytes());
        parser = FACTORY.createAsyncForByteBuffer();
        open.clear();
        pendingText = null;
        depth = 0;
        bytesSinceBoundary = 0;
        lastPrologByte = 0;
        prologDone = false;
        stopped = false;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (stopped) {
                in.skipBytes(in.readableBytes());
                return;
            }
            int n = Math.min(in.readableBytes(), FEED_SLICE);
            ByteBuffer slice = in.nioBuffer(in.readerIndex(), n);
            if (!prologDone) {
                refuseDeclarationsInProlog(slice.duplicate());
            }
            in.skipBytes(n);
            bytesSinceBoundary += n;
            try {
                parser.getInputFeeder().feedInput(slice);
                drain(out);
            } catch (XMLStreamException e) {
                throw fail(StreamErrorCondition.NOT_WELL_FORMED, "not well-formed: " + firstLine(e.getMessage()), e);
            }
            if (!stopped && bytesSinceBoundary > limits.maxStanzaBytes()) {
                throw fail(StreamErrorCondition.POLICY_VIOLATION,
                        "stanza exceeds the limit of " + limits.maxStanzaBytes() + " bytes", null);
            }
            if (!out.isEmpty()) {
                // Let the stream handler act on these events (it may reset this decoder after
                // <starttls/>) before any further byte reaches the parser.
                return;
            }
        }
    }

    /**
     * Before the root element "<!" can only open a DOCTYPE or a comment, both restricted (RFC 6120
     * §11.1). Aalto's async parser does not parse internal DTD subsets at all (it fails with a
     * generic syntax error), so the DOCTYPE is recognised here, before the parser sees it, to
     * answer with the right condition.
     */
    private void refuseDeclarationsInProlog(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (lastPrologByte == '<') {
                if (b == '!') {
                    throw fail(StreamErrorCondition.RESTRICTED_XML, "DOCTYPE and comments are not allowed", null);
                }
                if (b != '?') {
                    prologDone = true; // the root element starts: CDATA sections may follow later
                    return;
                }
            }
            lastPrologByte = b;
        }
    }

    private void drain(List<Object> out) throws XMLStreamException {
        int event;
        while (!stopped && (event = parser.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            switch (event) {
                case XMLStreamConstants.START_DOCUMENT -> checkEncoding();
                case XMLStreamConstants.START_ELEMENT -> startElement(out);
                case XMLStreamConstants.END_ELEMENT -> endElement(out);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
                case XMLStreamConstants.DTD -> throw fail(StreamErrorCondition.RESTRICTED_XML, "DOCTYPE is not allowed", null);
                case XMLStreamConstants.ENTITY_REFERENCE -> throw fail(StreamErrorCondition.RESTRICTED_XML,
                        "entity reference '&" + parser.getLocalName() + ";' is not allowed", null);
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw fail(StreamErrorCondition.RESTRICTED_XML,
                        "processing instructions are not allowed", null);
                case XMLStreamConstants.COMMENT -> throw fail(StreamErrorCondition.RESTRICTED_XML,
                        "comments are not allowed", null);
                case XMLStreamConstants.END_DOCUMENT -> stopped = true;
                default -> throw fail(StreamErrorCondition.RESTRICTED_XML, "unexpected XML construct " + event, null);
            }
        }
    }

    private void checkEncoding() {
        String declared = parser.getCharacterEncodingScheme();
        if (declared != null && !declared.equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw fail(StreamErrorCondition.UNSUPPORTED_ENCODING, "only UTF-8 is supported", null);
        }
    }

    private void startElement(List<Object> out) {
        if (depth == 0) {
            depth = 1;
            bytesSinceBoundary = 0;
            String content = parser.getNamespaceURI(XMLConstants.DEFAULT_NS_PREFIX);
            out.add(new StreamHeader(parser.getLocalName(), nullToEmpty(parser.getNamespaceURI()),
                    nullToEmpty(parser.getPrefix()), nullToEmpty(content), attributes()));
            return;
        }
        if (depth >= limits.maxDepth()) {
            throw fail(StreamErrorCondition.POLICY_VIOLATION, "elements nested deeper than " + limits.maxDepth(), null);
        }
        flushText();
        XmlElement.Builder b = XmlElement.builder(parser.getLocalName(), nullToEmpty(parser.getNamespaceURI()));
        attributes().forEach(b::attr);
        open.push(b);
        depth++;
    }

    private void endElement(List<Object> out) {
        if (depth == 1) {
            depth = 0;
            stopped = true;
            out.add(StreamEnd.INSTANCE);
            return;
        }
        flushText();
        XmlElement done = open.pop().build();
        depth--;
        if (open.isEmpty()) {
            bytesSinceBoundary = 0;
            out.add(done);
        } else {
            open.peek().child(done);
        }
    }

    private void text() {
        if (depth <= 1) {
            // Between stanzas only whitespace (keep-alives) is meaningful; it is dropped here.
            if (!isWhitespace(parser.getTextCharacters(), parser.getTextStart(), parser.getTextLength())) {
                throw fail(StreamErrorCondition.BAD_FORMAT, "text outside of a stanza", null);
            }
            if (depth == 1 && open.isEmpty()) {
                bytesSinceBoundary = 0;
            }
            return;
        }
        if (pendingText == null) {
            pendingText = new StringBuilder(parser.getTextLength());
        }
        pendingText.append(parser.getTextCharacters(), parser.getTextStart(), parser.getTextLength());
    }

    private void flushText() {
        if (pendingText != null) {
            open.peek().text(pendingText.toString());
            pendingText = null;
        }
    }

    private Map<String, String> attributes() {
        int count = parser.getAttributeCount();
        Map<String, String> attrs = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String prefix = parser.getAttributePrefix(i);
            String local = parser.getAttributeLocalName(i);
            if (prefix == null || prefix.isEmpty()) {
                attrs.put(local, parser.getAttributeValue(i));
            } else if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
                attrs.put("xml:" + local, parser.getAttributeValue(i));
            }
            // Attributes in other namespaces are dropped: XmlElement keeps no prefix declarations,
            // so they could not be written out again correctly, and no stanza we route needs them.
        }
        return attrs;
    }

    private XmlStreamException fail(StreamErrorCondition condition, String message, Throwable cause) {
        stopped = true;
        open.clear();
        pendingText = null;
        return new XmlStreamException(condition, message, cause);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        closeParser();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closeParser();
        super.channelInactive(ctx);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // A connection that ends mid-stanza simply ends; there is nobody left to send an error to.
        if (in.isReadable()) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** Lets Aalto return its buffers to its recycler; they are not held per idle connection longer than needed. */
    private void closeParser() {
        stopped = true;
        try {
            parser.close();
        } catch (XMLStreamException ignored) {
            // closing releases buffers only; nothing to report
        }
    }

    private static boolean isWhitespace(char[] chars, int start, int length) {
        for (int i = start; i < start + length; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
