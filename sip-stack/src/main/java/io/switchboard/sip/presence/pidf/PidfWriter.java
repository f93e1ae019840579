package io.switchboard.sip.presence.pidf;

import static io.switchboard.sip.presence.pidf.PidfNamespaces.DATA_MODEL;
import static io.switchboard.sip.presence.pidf.PidfNamespaces.PIDF;
import static io.switchboard.sip.presence.pidf.PidfNamespaces.RPID;
import static io.switchboard.sip.presence.pidf.PidfNamespaces.SWITCHBOARD;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link PidfDocument} as {@code application/pidf+xml} in UTF-8, in the element order the
 * schemas require (tuple: status, deviceID, contact, note, timestamp; person: activities, user-input,
 * extension, note, timestamp). Stateless and thread-safe.
 */
public final class PidfWriter {

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    public byte[] write(PidfDocument document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(PIDF);
            xml.setPrefix("dm", DATA_MODEL);
            xml.setPrefix("rpid", RPID);
            xml.setPrefix("sb", SWITCHBOARD);
            xml.writeStartElement(PIDF, "presence");
            xml.writeDefaultNamespace(PIDF);
            xml.writeNamespace("dm", DATA_MODEL);
            xml.writeNamespace("rpid", RPID);
            xml.writeNamespace("sb", SWITCHBOARD);
            xml.writeAttribute("entity", document.entity());
            for (PidfTuple tuple : document.tuples()) {
                tuple(xml, tuple);
            }
            notes(xml, PIDF, document.notes());
            for (PidfDevice device : document.devices()) {
                device(xml, device);
            }
            for (PidfPerson person : document.persons()) {
                person(xml, person);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing PIDF to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void tuple(XMLStreamWriter xml, PidfTuple tuple) throws XMLStreamException {
        xml.writeStartElement(PIDF, "tuple");
        xml.writeAttribute("id", tuple.id());
        xml.writeStartElement(PIDF, "status");
        if (tuple.basic() != null) {
            textElement(xml, PIDF, "basic", tuple.basic().token());
        }
        xml.writeEndElement();
        if (tuple.deviceId() != null) {
            textElement(xml, DATA_MODEL, "deviceID", tuple.deviceId());
        }
        if (tuple.contact() != null) {
            textElement(xml, PIDF, "contact", tuple.contact());
        }
        notes(xml, PIDF, tuple.notes());
        timestamp(xml, PIDF, tuple.timestamp());
        xml.writeEndElement();
    }

    private static void person(XMLStreamWriter xml, PidfPerson person) throws XMLStreamException {
        xml.writeStartElement(DATA_MODEL, "person");
        xml.writeAttribute("id", person.id());
        if (!person.activities().isEmpty() || !person.otherActivities().isEmpty()) {
            xml.writeStartElement(RPID, "activities");
            List<RpidActivity> sorted = person.activities().stream().sorted(Comparator.naturalOrder()).toList();
            for (RpidActivity activity : sorted) {
                xml.writeEmptyElement(RPID, activity.element());
            }
            for (String other : person.otherActivities()) {
                textElement(xml, RPID, "other", other);
            }
            xml.writeEndElement();
        }
        if (person.idle()) {
            textElement(xml, RPID, "user-input", "idle");
        }
        if (person.switchboardAvailability() != null) {
            textElement(xml, SWITCHBOARD, "availability", person.switchboardAvailability());
        }
        notes(xml, DATA_MODEL, person.notes());
        timestamp(xml, DATA_MODEL, person.timestamp());
        xml.writeEndElement();
    }

    private static void device(XMLStreamWriter xml, PidfDevice device) throws XMLStreamException {
        xml.writeStartElement(DATA_MODEL, "device");
        xml.writeAttribute("id", device.id());
        if (device.idle()) {
            textElement(xml, RPID, "user-input", "idle");
        }
        if (device.deviceId() != null) {
            textElement(xml, DATA_MODEL, "deviceID", device.deviceId());
        }
        notes(xml, DATA_MODEL, device.notes());
        timestamp(xml, DATA_MODEL, device.timestamp());
        xml.writeEndElement();
    }

    private static void notes(XMLStreamWriter xml, String namespace, List<PidfNote> notes) throws XMLStreamException {
        for (PidfNote note : notes) {
            xml.writeStartElement(namespace, "note");
            if (note.lang() != null) {
                xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", note.lang());
            }
            xml.writeCharacters(note.text());
            xml.writeEndElement();
        }
    }

    private static void timestamp(XMLStreamWriter xml, String namespace, Instant timestamp) throws XMLStreamException {
        if (timestamp != null) {
            textElement(xml, namespace, "timestamp", timestamp.toString());
        }
    }

    private static void textElement(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
