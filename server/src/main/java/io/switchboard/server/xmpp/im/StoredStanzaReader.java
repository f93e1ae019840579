package io.switchboard.server.xmpp.im;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads back a stanza the IM layer stored as XML (offline messages, pending subscription
 * requests). The text was written by {@link XmlElement#toXml()}, but the database is still
 * input: DTDs and entities are refused and the size is capped.
 */
public final class StoredStanzaReader {

    /** Larger than any stanza the stream layer lets through. */
    private static final int MAX_CHARS = 1 << 20;

    private final XMLInputFactory factory;

    public StoredStanzaReader() {
        factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    public XmlElement read(String xml) throws XMLStreamException {
        if (xml.length() > MAX_CHARS) {
            throw new XMLStreamException("stored stanza is larger than " + MAX_CHARS + " characters");
        }
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
        try {
            Deque<XmlElement.Builder> open = new ArrayDeque<>();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> open.push(start(r));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().text(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement done = open.pop().build();
                        if (open.isEmpty()) {
                            return done;
                        }
                        open.peek().child(done);
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new XMLStreamException("DTDs and entity references are not allowed");
                    default -> {
                        // comments, processing instructions, whitespace outside: irrelevant
                    }
                }
            }
            throw new XMLStreamException("stored stanza is incomplete");
        } finally {
            r.close();
        }
    }

    private static XmlElement.Builder start(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        XmlElement.Builder b = XmlElement.builder(r.getLocalName(), ns == null ? "" : ns);
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String prefix = r.getAttributePrefix(i);
            String name = prefix == null || prefix.isEmpty()
                    ? r.getAttributeLocalName(i)
                    : prefix + ":" + r.getAttributeLocalName(i);
            b.attr(name, r.getAttributeValue(i));
        }
        return b;
    }
}
