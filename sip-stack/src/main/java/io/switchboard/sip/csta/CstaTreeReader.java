package io.switchboard.sip.csta;

import io.switchboard.sip.presence.HardenedXml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a CSTA document into {@link CstaNode}s with StAX from {@link HardenedXml#newFactory()} (no DTD, no
 * external entities), and refuses what a hostile peer would use to make us work or remember: a DOCTYPE or
 * any entity reference, nesting deeper than {@link HardenedXml#MAX_DEPTH}, more than
 * {@link #MAX_ELEMENTS} elements. Elements in other namespaces (vendor {@code extensions}) are walked,
 * counted and dropped.
 */
final class CstaTreeReader {

    /** A CSTA call control message has a few dozen elements; a thousand is room for vendor extensions. */
    static final int MAX_ELEMENTS = 1_000;

    private final XMLInputFactory factory;

    CstaTreeReader(XMLInputFactory factory) {
        this.factory = factory;
    }

    CstaNode read(String xml) throws CstaParseException {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(xml));
            toRoot(reader);
            String namespace = namespace(reader);
            if (!CstaNamespaces.isCsta(namespace)) {
                throw malformed("root element " + CstaText.abbreviate(reader.getLocalName())
                        + " is not in a CSTA namespace but in " + CstaText.abbreviate(namespace));
            }
            int[] elements = {1};
            CstaNode root = element(reader, namespace, 1, elements);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw malformed("DOCTYPE or entity reference after the root element");
                }
            }
            return root;
        } catch (XMLStreamException e) {
            throw malformed("not well-formed XML: " + CstaText.abbreviate(e.getMessage()));
        } finally {
            HardenedXml.close(reader);
        }
    }

    private static void toRoot(XMLStreamReader reader) throws XMLStreamException, CstaParseException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            refuseDtdAndEntities(event);
        }
        throw malformed("no root element");
    }

    private static CstaNode element(XMLStreamReader reader, String namespace, int depth, int[] elements)
            throws XMLStreamException, CstaParseException {
        String name = reader.getLocalName();
        boolean csta = namespace.equals(namespace(reader));
        StringBuilder text = new StringBuilder();
        List<CstaNode> children = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements[0] > MAX_ELEMENTS) {
                        throw malformed("more than " + MAX_ELEMENTS + " elements");
                    }
                    if (depth + 1 > HardenedXml.MAX_DEPTH) {
                        throw malformed("nested deeper than " + HardenedXml.MAX_DEPTH);
                    }
                    CstaNode child = element(reader, namespace, depth + 1, elements);
                    if (child != null) {
                        children.add(child);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (csta) {
                        text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return csta ? new CstaNode(name, text.toString().strip(), children) : null;
                }
                default -> refuseDtdAndEntities(event);
            }
        }
        throw malformed("document ends inside " + CstaText.abbreviate(name));
    }

    private static void refuseDtdAndEntities(int event) throws CstaParseException {
        if (event == XMLStreamConstants.DTD) {
            throw malformed("a DOCTYPE is refused");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw malformed("entity references are refused");
        }
    }

    private static String namespace(XMLStreamReader reader) {
        String namespace = reader.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    private static CstaParseException malformed(String message) {
        return new CstaParseException(CstaParseException.Kind.MALFORMED, message);
    }
}
