package io.switchboard.sip.directory;

import static io.switchboard.sip.directory.DirectoryDocument.NAMESPACE;

import io.switchboard.core.model.DirectoryLocation;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link DirectoryLocation} as the directory-location document:
 *
 * <pre>{@code
 * <directory xmlns="urn:switchboard:xml:ns:directory:0">
 *   <ldap url="ldap://127.0.0.1:10389" start-tls="false" people-base="ou=people,dc=example,dc=com"
 *         profile="openldap" bind-dn-template="uid={username},ou=people,dc=example,dc=com"/>
 *   <numbering region="US" extension-digits="4" extension-prefix="+1408555"/>
 * </directory>
 * }</pre>
 *
 * Attributes, so every value is escaped by the XML writer. Stateless and thread-safe.
 */
public final class DirectoryDocumentWriter {

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    public byte[] write(DirectoryLocation location) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "directory");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeEmptyElement(NAMESPACE, "ldap");
            xml.writeAttribute("url", location.url());
            xml.writeAttribute("start-tls", Boolean.toString(location.startTls()));
            xml.writeAttribute("people-base", location.peopleBase());
            xml.writeAttribute("profile", location.profile());
            if (location.bindDnTemplate().isPresent()) {
                xml.writeAttribute("bind-dn-template", location.bindDnTemplate().get());
            }
            if (location.numbering().isPresent()) {
                xml.writeEmptyElement(NAMESPACE, "numbering");
                xml.writeAttribute("region", location.numbering().get().region());
                xml.writeAttribute("extension-digits", Integer.toString(location.numbering().get().extensionDigits()));
                if (location.numbering().get().extensionPrefix().isPresent()) {
                    xml.writeAttribute("extension-prefix", location.numbering().get().extensionPrefix().get());
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the directory document to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
