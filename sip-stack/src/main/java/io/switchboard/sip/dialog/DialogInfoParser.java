package io.switchboard.sip.dialog;

import static io.switchboard.sip.dialog.DialogInfo.NAMESPACE;

import io.switchboard.sip.presence.HardenedXml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses {@code application/dialog-info+xml} (RFC 4235 §4). Every body comes off the network, so:
 * a size limit before parsing, no DTD (refused, so no entity is ever expanded or fetched), a
 * nesting-depth limit, a limit on the number of dialogs. Elements the package does not use (route
 * sets, session descriptions, other namespaces) are skipped; required attributes missing, or
 * values the RFC does not define, make the document unacceptable. Stateless and thread-safe.
 */
public final class DialogInfoParser {

    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    /** More than any phone has calls; a document with more is refused rather than half read. */
    public static final int DEFAULT_MAX_DIALOGS = 256;
    private static final String DOCUMENT = "dialog-info";

    private final XMLInputFactory factory = HardenedXml.newFactory();
    private final int maxBytes;
    private final int maxDialogs;

    public DialogInfoParser(int maxBytes, int maxDialogs) {
        this.maxBytes = maxBytes;
        this.maxDialogs = maxDialogs;
    }

    public DialogInfoParser() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DIALOGS);
    }

    public DialogInfo parse(byte[] body) throws DialogInfoParseException {
        if (body.length > maxBytes) {
            throw new DialogInfoParseException("dialog-info body of " + body.length + " bytes exceeds the limit of "
                    + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            moveToRoot(reader);
            return dialogInfo(reader);
        } catch (XMLStreamException | IllegalStateException | IllegalArgumentException e) {
            throw new DialogInfoParseException("malformed dialog-info: " + e.getMessage(), e);
        } finally {
            HardenedXml.close(reader);
        }
    }

    private static void moveToRoot(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        if (!HardenedXml.toRoot(reader, "dialog-info", DialogInfoParseException::new)) {
            throw new DialogInfoParseException("empty dialog-info document");
        }
        if (!is(reader, "dialog-info")) {
            throw new DialogInfoParseException("root element is not <dialog-info>: " + reader.getName());
        }
    }

    private DialogInfo dialogInfo(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        long version = unsigned(required(reader, "version"), "version");
        String stateToken = required(reader, "state");
        DialogInfo.State state = switch (stateToken) {
            case "full" -> DialogInfo.State.FULL;
            case "partial" -> DialogInfo.State.PARTIAL;
            default -> throw new DialogInfoParseException("unknown dialog-info state: " + stateToken);
        };
        String entity = required(reader, "entity");
        List<Dialog> dialogs = new ArrayList<>();
        while (nextChild(reader)) {
            if (!is(reader, "dialog")) {
                skip(reader);
                continue;
            }
            if (dialogs.size() >= maxDialogs) {
                throw new DialogInfoParseException("dialog-info with more than " + maxDialogs + " dialogs");
            }
            dialogs.add(dialog(reader));
        }
        return new DialogInfo(version, state, entity, dialogs);
    }

    private static Dialog dialog(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        String id = required(reader, "id");
        String callId = optional(reader, "call-id");
        String localTag = optional(reader, "local-tag");
        String remoteTag = optional(reader, "remote-tag");
        String directionToken = optional(reader, "direction");
        DialogDirection direction = null;
        if (directionToken != null) {
            direction = DialogDirection.fromToken(directionToken);
            if (direction == null) {
                throw new DialogInfoParseException("unknown dialog direction: " + directionToken);
            }
        }
        DialogStatus status = null;
        Long duration = null;
        Participant local = null;
        Participant remote = null;
        while (nextChild(reader)) {
            if (is(reader, "state")) {
                status = status(reader);
            } else if (is(reader, "duration")) {
                duration = unsigned(reader.getElementText(), "duration");
            } else if (is(reader, "local")) {
                local = participant(reader);
            } else if (is(reader, "remote")) {
                remote = participant(reader);
            } else {
                skip(reader);
            }
        }
        if (status == null) {
            throw new DialogInfoParseException("dialog " + id + " has no <state>");
        }
        return new Dialog(id, callId, localTag, remoteTag, direction, status, duration, local, remote);
    }

    private static DialogStatus status(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        String eventToken = optional(reader, "event");
        String codeToken = optional(reader, "code");
        String stateToken = reader.getElementText().strip();
        DialogState state = DialogState.fromToken(stateToken);
        if (state == null) {
            throw new DialogInfoParseException("unknown dialog state: " + stateToken);
        }
        DialogEvent event = null;
        if (eventToken != null) {
            event = DialogEvent.fromToken(eventToken);
            if (event == null) {
                throw new DialogInfoParseException("unknown dialog state event: " + eventToken);
            }
        }
        Integer code = null;
        if (codeToken != null) {
            long parsed = unsigned(codeToken, "code");
            if (parsed < 100 || parsed > 699) {
                throw new DialogInfoParseException("state code is not a SIP response code: " + codeToken);
            }
            code = (int) parsed;
        }
        return new DialogStatus(state, event, code);
    }

    private static Participant participant(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        String side = reader.getLocalName();
        String identity = null;
        String display = null;
        String target = null;
        while (nextChild(reader)) {
            if (is(reader, "identity")) {
                display = optional(reader, "display");
                identity = reader.getElementText().strip();
            } else if (is(reader, "target")) {
                target = required(reader, "uri");
                skip(reader); // its <param>s (RFC 4235 §4.1.6.2) say nothing a line lamp needs
            } else {
                skip(reader);
            }
        }
        if ((identity == null || identity.isEmpty()) && target == null) {
            throw new DialogInfoParseException("<" + side + "> with neither identity nor target");
        }
        return new Participant(identity == null || identity.isEmpty() ? null : identity, display, target);
    }

    private static boolean is(XMLStreamReader reader, String localName) {
        return NAMESPACE.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }

    private static String optional(XMLStreamReader reader, String attribute) {
        String value = reader.getAttributeValue(null, attribute);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(XMLStreamReader reader, String attribute) throws DialogInfoParseException {
        String value = optional(reader, attribute);
        if (value == null) {
            throw new DialogInfoParseException("<" + reader.getLocalName() + "> without " + attribute);
        }
        return value;
    }

    private static long unsigned(String value, String what) throws DialogInfoParseException {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new DialogInfoParseException(what + " must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new DialogInfoParseException(what + " is not a number: " + value);
        }
    }

    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        return HardenedXml.nextChild(reader, DOCUMENT, DialogInfoParseException::new);
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException, DialogInfoParseException {
        HardenedXml.skip(reader, DOCUMENT, DialogInfoParseException::new);
    }
}
