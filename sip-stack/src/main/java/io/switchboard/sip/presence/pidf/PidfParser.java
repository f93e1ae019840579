package io.switchboard.sip.presence.pidf;

import static io.switchboard.sip.presence.pidf.PidfNamespaces.DATA_MODEL;
import static io.switchboard.sip.presence.pidf.PidfNamespaces.PIDF;
import static io.switchboard.sip.presence.pidf.PidfNamespaces.RPID;
import static io.switchboard.sip.presence.pidf.PidfNamespaces.SWITCHBOARD;

import io.switchboard.sip.presence.HardenedXml;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses {@code application/pidf+xml} (RFC 3863) with the RFC 4479 data model and RFC 4480
 * activities. Hostile-input safe: a size limit before parsing, no DTD (a document with one is
 * refused, so neither external entities nor entity expansion can happen), a nesting-depth limit.
 * Unknown elements are skipped unless marked {@code mustUnderstand="true"} (RFC 3863 §4.1.7), which
 * makes the document unacceptable. Stateless and thread-safe.
 */
public final class PidfParser {

    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final XMLInputFactory factory;
    private final int maxBytes;

    public PidfParser(int maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = HardenedXml.newFactory();
    }

    public PidfParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public PidfDocument parse(byte[] body) throws PidfParseException {
        if (body.length > maxBytes) {
            throw new PidfParseException("PIDF body of " + body.length + " bytes exceeds the limit of " + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            moveToRoot(reader);
            return presence(reader);
        } catch (XMLStreamException | IllegalStateException e) {
            throw new PidfParseException("malformed PIDF: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
    }

    private static void moveToRoot(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new PidfParseException("PIDF with a DTD is refused (no entities are ever expanded)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new PidfParseException("PIDF with entity references is refused");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!is(reader, PIDF, "presence")) {
                    throw new PidfParseException("root element is not PIDF <presence>: " + reader.getName());
                }
                return;
            }
        }
        throw new PidfParseException("empty PIDF document");
    }

    private PidfDocument presence(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        // RFC 3863 requires entity, but RFC 4479's own example document (section 7, as published)
        // has none; the presentity is known from the request anyway (PUBLISH Request-URI), so a
        // missing entity is read as "" rather than refused
        String entity = reader.getAttributeValue(null, "entity");
        if (entity == null) {
            entity = "";
        }
        List<PidfTuple> tuples = new ArrayList<>();
        List<PidfPerson> persons = new ArrayList<>();
        List<PidfDevice> devices = new ArrayList<>();
        List<PidfNote> notes = new ArrayList<>();
        while (nextChild(reader)) {
            if (is(reader, PIDF, "tuple")) {
                tuples.add(tuple(reader));
            } else if (is(reader, DATA_MODEL, "person")) {
                persons.add(person(reader));
            } else if (is(reader, DATA_MODEL, "device")) {
                devices.add(device(reader));
            } else if (is(reader, PIDF, "note")) {
                notes.add(note(reader));
            } else {
                skipUnknown(reader);
            }
        }
        return new PidfDocument(entity, tuples, persons, devices, notes);
    }

    private PidfTuple tuple(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        String id = requiredId(reader);
        BasicStatus basic = null;
        String deviceId = null;
        String contact = null;
        List<PidfNote> notes = new ArrayList<>();
        Instant timestamp = null;
        while (nextChild(reader)) {
            if (is(reader, PIDF, "status")) {
                basic = status(reader);
            } else if (is(reader, DATA_MODEL, "deviceID")) {
                deviceId = text(reader);
            } else if (is(reader, PIDF, "contact")) {
                contact = text(reader);
            } else if (is(reader, PIDF, "note")) {
                notes.add(note(reader));
            } else if (is(reader, PIDF, "timestamp")) {
                timestamp = timestamp(reader);
            } else {
                skipUnknown(reader);
            }
        }
        return new PidfTuple(id, basic, deviceId, contact, notes, timestamp);
    }

    private BasicStatus status(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        BasicStatus basic = null;
        while (nextChild(reader)) {
            if (is(reader, PIDF, "basic")) {
                String value = text(reader);
                basic = switch (value) {
                    case "open" -> BasicStatus.OPEN;
                    case "closed" -> BasicStatus.CLOSED;
                    default -> throw new PidfParseException("basic status neither open nor closed: " + value);
                };
            } else {
                skipUnknown(reader);
            }
        }
        return basic;
    }

    private PidfPerson person(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        String id = requiredId(reader);
        Set<RpidActivity> activities = EnumSet.noneOf(RpidActivity.class);
        List<String> others = new ArrayList<>();
        boolean idle = false;
        String switchboard = null;
        List<PidfNote> notes = new ArrayList<>();
        Instant timestamp = null;
        while (nextChild(reader)) {
            if (is(reader, RPID, "activities")) {
                activities(reader, activities, others);
            } else if (is(reader, RPID, "user-input")) {
                idle = "idle".equals(text(reader));
            } else if (is(reader, SWITCHBOARD, "availability")) {
                switchboard = text(reader);
            } else if (is(reader, DATA_MODEL, "note")) {
                notes.add(note(reader));
            } else if (is(reader, DATA_MODEL, "timestamp")) {
                timestamp = timestamp(reader);
            } else {
                skipUnknown(reader);
            }
        }
        return new PidfPerson(id, activities, others, idle, switchboard, notes, timestamp);
    }

    private void activities(XMLStreamReader reader, Set<RpidActivity> activities, List<String> others)
            throws XMLStreamException, PidfParseException {
        while (nextChild(reader)) {
            if (is(reader, RPID, "other")) {
                others.add(text(reader));
            } else if (RPID.equals(reader.getNamespaceURI())
                    && RpidActivity.fromElement(reader.getLocalName()).isPresent()) {
                activities.add(RpidActivity.fromElement(reader.getLocalName()).orElseThrow());
                skip(reader);
            } else {
                // rpid:note and unknown activities
                skipUnknown(reader);
            }
        }
    }

    private PidfDevice device(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        String id = requiredId(reader);
        String deviceId = null;
        boolean idle = false;
        List<PidfNote> notes = new ArrayList<>();
        Instant timestamp = null;
        while (nextChild(reader)) {
            if (is(reader, DATA_MODEL, "deviceID")) {
                deviceId = text(reader);
            } else if (is(reader, RPID, "user-input")) {
                idle = "idle".equals(text(reader));
            } else if (is(reader, DATA_MODEL, "note")) {
                notes.add(note(reader));
            } else if (is(reader, DATA_MODEL, "timestamp")) {
                timestamp = timestamp(reader);
            } else {
                skipUnknown(reader);
            }
        }
        return new PidfDevice(id, deviceId, idle, notes, timestamp);
    }

    private static PidfNote note(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        String lang = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        return new PidfNote(text(reader), lang);
    }

    private static Instant timestamp(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        String value = text(reader);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PidfParseException("timestamp is not an xs:dateTime with offset: " + value, e);
        }
    }

    private static String requiredId(XMLStreamReader reader) throws PidfParseException {
        String id = reader.getAttributeValue(null, "id");
        if (id == null || id.isBlank()) {
            throw new PidfParseException("<" + reader.getLocalName() + "> without id");
        }
        return id;
    }

    /** Text-only content, trimmed; child elements make the document malformed. */
    private static String text(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        try {
            return reader.getElementText().strip();
        } catch (XMLStreamException e) {
            throw new PidfParseException("<" + reader.getLocalName() + "> must contain only text", e);
        }
    }

    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        return HardenedXml.nextChild(reader, "PIDF", PidfParseException::new);
    }

    /** RFC 3863 §4.1.7: an extension the recipient does not understand but must, voids the document. */
    private static void skipUnknown(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        String mustUnderstand = reader.getAttributeValue(PIDF, "mustUnderstand");
        if (mustUnderstand == null) {
            mustUnderstand = reader.getAttributeValue(null, "mustUnderstand");
        }
        if ("true".equals(mustUnderstand) || "1".equals(mustUnderstand)) {
            throw new PidfParseException("must-understand extension not understood: " + reader.getName());
        }
        skip(reader);
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException, PidfParseException {
        HardenedXml.skip(reader, "PIDF", PidfParseException::new);
    }

    private static boolean is(XMLStreamReader reader, String namespace, String localName) {
        return namespace.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }

    private static void close(XMLStreamReader reader) {
        HardenedXml.close(reader);
    }
}
