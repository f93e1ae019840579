package io.switchboard.sip.directory;

import static io.switchboard.sip.directory.DirectoryDocument.NAMESPACE;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.model.PhoneNumbering;
import io.switchboard.sip.presence.HardenedXml;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the directory-location document ({@link DirectoryDocumentWriter} shows it). Hostile-input
 * safe like the presence parsers: a size limit before parsing, no DTD (so no entity is ever
 * expanded), a nesting limit. Unknown elements are skipped, so a later server may add to the
 * document; a document without a usable {@code ldap} element (an ldap:// or ldaps:// URL and a
 * people base) is refused. Numbering details are read leniently, as from the XMPP form
 * ({@link PhoneNumbering#advertised}). Stateless and thread-safe.
 */
public final class DirectoryDocumentParser {

    public static final int DEFAULT_MAX_BYTES = 16 * 1024;
    private static final String DOCUMENT = "directory document";

    private final XMLInputFactory factory = HardenedXml.newFactory();
    private final int maxBytes;

    public DirectoryDocumentParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DirectoryDocumentParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public DirectoryLocation parse(byte[] body) throws DirectoryDocumentParseException {
        if (body.length > maxBytes) {
            throw new DirectoryDocumentParseException(DOCUMENT + " of " + body.length + " bytes exceeds the limit of "
                    + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            moveToRoot(reader);
            DirectoryLocation location = directory(reader);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    throw new DirectoryDocumentParseException("more than one root element");
                }
            }
            return location;
        } catch (XMLStreamException | IllegalStateException e) {
            throw new DirectoryDocumentParseException("malformed " + DOCUMENT + " XML: " + e.getMessage(), e);
        } finally {
            HardenedXml.close(reader);
        }
    }

    private static void moveToRoot(XMLStreamReader reader) throws XMLStreamException, DirectoryDocumentParseException {
        if (!HardenedXml.toRoot(reader, DOCUMENT, DirectoryDocumentParseException::new)) {
            throw new DirectoryDocumentParseException("empty " + DOCUMENT);
        }
        if (!is(reader, "directory")) {
            throw new DirectoryDocumentParseException("root element is not <directory> of " + NAMESPACE + ": "
                    + reader.getName());
        }
    }

    private static DirectoryLocation directory(XMLStreamReader reader)
            throws XMLStreamException, DirectoryDocumentParseException {
        Optional<Ldap> ldap = Optional.empty();
        Optional<PhoneNumbering> numbering = Optional.empty();
        while (HardenedXml.nextChild(reader, DOCUMENT, DirectoryDocumentParseException::new)) {
            if (is(reader, "ldap")) {
                if (ldap.isPresent()) {
                    throw new DirectoryDocumentParseException("two <ldap> elements: which directory is meant?");
                }
                ldap = Optional.of(new Ldap(attribute(reader, "url"), attribute(reader, "start-tls"),
                        attribute(reader, "people-base"), attribute(reader, "profile"),
                        attribute(reader, "bind-dn-template")));
            } else if (is(reader, "numbering")) {
                numbering = PhoneNumbering.advertised(attribute(reader, "region"),
                        attribute(reader, "extension-digits"), attribute(reader, "extension-prefix"));
            }
            HardenedXml.skip(reader, DOCUMENT, DirectoryDocumentParseException::new);
        }
        if (ldap.isEmpty()) {
            throw new DirectoryDocumentParseException(DOCUMENT + " without <ldap>");
        }
        Ldap found = ldap.get();
        boolean startTls = found.startTls().map(v -> v.equals("true") || v.equals("1")).orElse(false);
        return DirectoryLocation.advertised(found.url(), startTls, found.peopleBase(), found.profile(),
                        found.bindDnTemplate(), numbering)
                .orElseThrow(() -> new DirectoryDocumentParseException(
                        "<ldap> names no ldap:// or ldaps:// url or no people-base"));
    }

    /** The {@code <ldap>} attributes as written, before they are checked. */
    private record Ldap(Optional<String> url, Optional<String> startTls, Optional<String> peopleBase,
                        Optional<String> profile, Optional<String> bindDnTemplate) {
    }

    private static Optional<String> attribute(XMLStreamReader reader, String name) {
        return Optional.ofNullable(reader.getAttributeValue(null, name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean is(XMLStreamReader reader, String localName) {
        return NAMESPACE.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }
}
