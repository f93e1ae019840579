package io.switchboard.sip.presence;

import java.util.function.Function;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the presence-body parsers (PIDF, watcher info) share when reading hostile XML with StAX:
 * a factory with no DTD support (so no entity is ever expanded or fetched), and walking helpers
 * that refuse entity references and nesting beyond {@link #MAX_DEPTH}. Each parser reports a
 * malformed document in its own exception type, made by the {@code error} function it passes.
 */
public final class HardenedXml {

    public static final int MAX_DEPTH = 32;

    private HardenedXml() {
    }

    /** A namespace-aware, coalescing factory that refuses DTDs and external entities. */
    public static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Advances to the document's root element; false when there is none. A DTD is refused before
     * anything of it is read (so no entity is ever expanded), and so are entity references.
     *
     * @param document what the body is called in messages ("PIDF", "watcherinfo")
     */
    public static <E extends Exception> boolean toRoot(XMLStreamReader reader, String document,
                                                       Function<String, E> error) throws XMLStreamException, E {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw error.apply(document + " with a DTD is refused (no entities are ever expanded)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error.apply(document + " with entity references is refused");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * Advances to the next child element of the current one; false at its end tag. Text between
     * elements (whitespace) and comments are passed over.
     *
     * @param document what the body is called in messages ("PIDF", "watcherinfo")
     */
    public static <E extends Exception> boolean nextChild(XMLStreamReader reader, String document,
                                                          Function<String, E> error) throws XMLStreamException, E {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error.apply(document + " with entity references is refused");
            }
        }
        throw error.apply(document + " ends inside an element");
    }

    /** Skips the current element with its subtree, refusing entity references and absurd nesting. */
    public static <E extends Exception> void skip(XMLStreamReader reader, String document, Function<String, E> error)
            throws XMLStreamException, E {
        int depth = 1;
        while (depth > 0) {
            if (!reader.hasNext()) {
                throw error.apply(document + " ends inside an element");
            }
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                throw error.apply(document + " nested deeper than " + MAX_DEPTH);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error.apply(document + " with entity references is refused");
            }
        }
    }

    /** Closes a reader over a byte array; there is nothing to fail on. */
    public static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held but the byte array
            }
        }
    }
}
