package io.switchboard.server.xcap;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The error documents of RFC 4825 §11 ({@code application/xcap-error+xml}) this server sends
 * with 409: the condition element and, where it helps a person, a {@code phrase}. Stateless.
 */
final class XcapErrors {

    static final String NAMESPACE = "urn:ietf:params:xml:ns:xcap-error";
    static final String CONTENT_TYPE = "application/xcap-error+xml";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private XcapErrors() {
    }

    /** The body is not well-formed XML. */
    static byte[] notWellFormed(String phrase) {
        return error("not-well-formed", phrase);
    }

    /** Well-formed, but not what the pres-rules schema allows. */
    static byte[] schemaValidationError(String phrase) {
        return error("schema-validation-error", phrase);
    }

    /** The element would not be selected by the node selector it was PUT to. */
    static byte[] cannotInsert(String phrase) {
        return error("cannot-insert", phrase);
    }

    /** Valid, but a rule this server's usage cannot enforce. */
    static byte[] constraintFailure(String phrase) {
        return error("constraint-failure", phrase);
    }

    private static byte[] error(String condition, String phrase) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "xcap-error");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeEmptyElement(NAMESPACE, condition);
            if (phrase != null && !phrase.isBlank()) {
                xml.writeAttribute("phrase", phrase.length() > 300 ? phrase.substring(0, 300) : phrase);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an error document to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
