package io.switchboard.sip.dialog;

import static io.switchboard.sip.dialog.DialogInfo.NAMESPACE;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link DialogInfo} as {@code application/dialog-info+xml} in UTF-8. Stateless and thread-safe. */
public final class DialogInfoWriter {

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    public byte[] write(DialogInfo info) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "dialog-info");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", Long.toString(info.version()));
            xml.writeAttribute("state", info.state().token());
            xml.writeAttribute("entity", info.entity());
            for (Dialog dialog : info.dialogs()) {
                dialog(xml, dialog);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing dialog-info to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void dialog(XMLStreamWriter xml, Dialog dialog) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "dialog");
        xml.writeAttribute("id", dialog.id());
        attribute(xml, "call-id", dialog.callId());
        attribute(xml, "local-tag", dialog.localTag());
        attribute(xml, "remote-tag", dialog.remoteTag());
        if (dialog.direction() != null) {
            xml.writeAttribute("direction", dialog.direction().token());
        }
        xml.writeStartElement(NAMESPACE, "state");
        if (dialog.status().event() != null) {
            xml.writeAttribute("event", dialog.status().event().token());
        }
        if (dialog.status().code() != null) {
            xml.writeAttribute("code", Integer.toString(dialog.status().code()));
        }
        xml.writeCharacters(dialog.state().token());
        xml.writeEndElement();
        if (dialog.duration() != null) {
            xml.writeStartElement(NAMESPACE, "duration");
            xml.writeCharacters(Long.toString(dialog.duration()));
            xml.writeEndElement();
        }
        participant(xml, "local", dialog.local());
        participant(xml, "remote", dialog.remote());
        xml.writeEndElement();
    }

    private static void participant(XMLStreamWriter xml, String side, Participant participant)
            throws XMLStreamException {
        if (participant == null) {
            return;
        }
        xml.writeStartElement(NAMESPACE, side);
        if (participant.identity() != null) {
            xml.writeStartElement(NAMESPACE, "identity");
            attribute(xml, "display", participant.display());
            xml.writeCharacters(participant.identity());
            xml.writeEndElement();
        }
        if (participant.target() != null) {
            xml.writeEmptyElement(NAMESPACE, "target");
            xml.writeAttribute("uri", participant.target());
        }
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, value);
        }
    }
}
