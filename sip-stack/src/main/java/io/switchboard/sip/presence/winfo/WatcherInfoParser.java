package io.switchboard.sip.presence.winfo;

import static io.switchboard.sip.presence.winfo.WatcherInfo.NAMESPACE;

import io.switchboard.sip.presence.HardenedXml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses {@code application/watcherinfo+xml} (RFC 3858). Hostile-input safe like the PIDF parser:
 * a size limit before parsing, no DTD (refused, so no entity is ever expanded), a nesting-depth
 * limit. Elements of other namespaces are skipped (the schema allows extensions); required
 * attributes missing or with values the RFC does not define make the document unacceptable.
 * Stateless and thread-safe.
 */
public final class WatcherInfoParser {

    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final XMLInputFactory factory;
    private final int maxBytes;

    public WatcherInfoParser(int maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = HardenedXml.newFactory();
    }

    public WatcherInfoParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public WatcherInfo parse(byte[] body) throws WatcherInfoParseException {
        if (body.length > maxBytes) {
            throw new WatcherInfoParseException("watcherinfo body of " + body.length
                    + " bytes exceeds the limit of " + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            moveToRoot(reader);
            return watcherInfo(reader);
        } catch (XMLStreamException | IllegalStateException e) {
            throw new WatcherInfoParseException("malformed watcherinfo: " + e.getMessage(), e);
        } finally {
            HardenedXml.close(reader);
        }
    }

    private static void moveToRoot(XMLStreamReader reader) throws XMLStreamException, WatcherInfoParseException {
        if (!HardenedXml.toRoot(reader, "watcherinfo", WatcherInfoParseException::new)) {
            throw new WatcherInfoParseException("empty watcherinfo document");
        }
        if (!is(reader, "watcherinfo")) {
            throw new WatcherInfoParseException("root element is not <watcherinfo>: " + reader.getName());
        }
    }

    private static WatcherInfo watcherInfo(XMLStreamReader reader) throws XMLStreamException, WatcherInfoParseException {
        long version = unsigned(required(reader, "version"), "version");
        String stateToken = required(reader, "state");
        WatcherInfo.State state = switch (stateToken) {
            case "full" -> WatcherInfo.State.FULL;
            case "partial" -> WatcherInfo.State.PARTIAL;
            default -> throw new WatcherInfoParseException("unknown watcherinfo state: " + stateToken);
        };
        List<WatcherList> lists = new ArrayList<>();
        while (nextChild(reader)) {
            if (is(reader, "watcher-list")) {
                lists.add(watcherList(reader));
            } else {
                skip(reader);
            }
        }
        return new WatcherInfo(version, state, lists);
    }

    private static WatcherList watcherList(XMLStreamReader reader) throws XMLStreamException, WatcherInfoParseException {
        String resource = required(reader, "resource");
        String eventPackage = required(reader, "package");
        List<Watcher> watchers = new ArrayList<>();
        while (nextChild(reader)) {
            if (is(reader, "watcher")) {
                watchers.add(watcher(reader));
            } else {
                skip(reader);
            }
        }
        return new WatcherList(resource, eventPackage, watchers);
    }

    private static Watcher watcher(XMLStreamReader reader) throws XMLStreamException, WatcherInfoParseException {
        String id = required(reader, "id");
        String statusToken = required(reader, "status");
        WatcherStatus status = WatcherStatus.fromToken(statusToken);
        if (status == null) {
            throw new WatcherInfoParseException("unknown watcher status: " + statusToken);
        }
        String eventToken = required(reader, "event");
        WatcherEvent event = WatcherEvent.fromToken(eventToken);
        if (event == null) {
            throw new WatcherInfoParseException("unknown watcher event: " + eventToken);
        }
        String displayName = reader.getAttributeValue(null, "display-name");
        String lang = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        String expiration = reader.getAttributeValue(null, "expiration");
        String duration = reader.getAttributeValue(null, "duration-subscribed");
        String uri = reader.getElementText().strip();
        if (uri.isEmpty()) {
            throw new WatcherInfoParseException("watcher " + id + " has no URI");
        }
        return new Watcher(uri, id, status, event, displayName, lang,
                expiration == null ? null : unsigned(expiration, "expiration"),
                duration == null ? null : unsigned(duration, "duration-subscribed"));
    }

    private static boolean is(XMLStreamReader reader, String localName) {
        return NAMESPACE.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }

    private static String required(XMLStreamReader reader, String attribute) throws WatcherInfoParseException {
        String value = reader.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            throw new WatcherInfoParseException("<" + reader.getLocalName() + "> without " + attribute);
        }
        return value.strip();
    }

    private static long unsigned(String value, String what) throws WatcherInfoParseException {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new WatcherInfoParseException(what + " must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new WatcherInfoParseException(what + " is not a number: " + value);
        }
    }

    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException, WatcherInfoParseException {
        return HardenedXml.nextChild(reader, "watcherinfo", WatcherInfoParseException::new);
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException, WatcherInfoParseException {
        HardenedXml.skip(reader, "watcherinfo", WatcherInfoParseException::new);
    }
}
