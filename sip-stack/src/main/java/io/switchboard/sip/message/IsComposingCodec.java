package io.switchboard.sip.message;

import io.switchboard.sip.presence.HardenedXml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads and writes RFC 3994 is-composing documents. Reading is hostile-input safe: bounded size,
 * no DTDs or entities, bounded nesting, unknown elements skipped (the schema allows extensions),
 * an unknown state refused. Stateless and thread-safe.
 */
public final class IsComposingCodec {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:im-iscomposing";
    public static final String CONTENT_TYPE = "application";
    public static final String CONTENT_SUB_TYPE = "im-iscomposing+xml";
    /** Real documents are ~300 bytes; anything much larger is not an indication. */
    public static final int MAX_BYTES = 4096;
    /** A refresh below RFC 3994's 60 s floor (§4) would invite flooding; above a day is nonsense. */
    private static final int MAX_REFRESH_SECONDS = 86_400;

    private static final XMLInputFactory FACTORY = HardenedXml.newFactory();

    /** The document could not be read as an is-composing indication. */
    public static final class InvalidIsComposingException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidIsComposingException(String message) {
            super(message);
        }
    }

    public byte[] write(IsComposing indication) {
        StringBuilder xml = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<isComposing xmlns=\"").append(NAMESPACE).append("\">\n")
                .append("  <state>").append(indication.state().name().toLowerCase(Locale.ROOT)).append("</state>\n");
        indication.lastActive().ifPresent(t -> xml.append("  <lastactive>")
                .append(DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)))
                .append("</lastactive>\n"));
        // content types are tokens: never anything that needs escaping, but do not trust callers
        indication.contentType().filter(IsComposingCodec::isMediaType)
                .ifPresent(c -> xml.append("  <contenttype>").append(c).append("</contenttype>\n"));
        indication.refresh().ifPresent(r -> xml.append("  <refresh>").append(r).append("</refresh>\n"));
        xml.append("</isComposing>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    public IsComposing parse(byte[] body) throws InvalidIsComposingException {
        if (body == null || body.length == 0) {
            throw new InvalidIsComposingException("empty is-composing body");
        }
        if (body.length > MAX_BYTES) {
            throw new InvalidIsComposingException("is-composing body larger than " + MAX_BYTES + " bytes");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            reader.nextTag();
            if (!"isComposing".equals(reader.getLocalName()) || !NAMESPACE.equals(reader.getNamespaceURI())) {
                throw new InvalidIsComposingException("root is not {" + NAMESPACE + "}isComposing");
            }
            IsComposing.State state = null;
            Optional<Instant> lastActive = Optional.empty();
            Optional<String> contentType = Optional.empty();
            OptionalInt refresh = OptionalInt.empty();
            while (HardenedXml.nextChild(reader, "isComposing", InvalidIsComposingException::new)) {
                if (!NAMESPACE.equals(reader.getNamespaceURI())) {
                    HardenedXml.skip(reader, "isComposing", InvalidIsComposingException::new);
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "state" -> state = state(text(reader));
                    case "lastactive" -> lastActive = Optional.of(instant(text(reader)));
                    case "contenttype" -> contentType = Optional.of(text(reader)).filter(IsComposingCodec::isMediaType);
                    case "refresh" -> refresh = OptionalInt.of(refresh(text(reader)));
                    default -> HardenedXml.skip(reader, "isComposing", InvalidIsComposingException::new);
                }
            }
            if (state == null) {
                throw new InvalidIsComposingException("is-composing without <state>");
            }
            return new IsComposing(state, lastActive, contentType, refresh);
        } catch (XMLStreamException e) {
            throw new InvalidIsComposingException("malformed is-composing XML: " + e.getMessage());
        } finally {
            HardenedXml.close(reader);
        }
    }

    private static String text(XMLStreamReader reader) throws XMLStreamException, InvalidIsComposingException {
        try {
            return reader.getElementText().strip();
        } catch (XMLStreamException e) {
            throw new InvalidIsComposingException("<" + reader.getLocalName() + "> must hold text only");
        }
    }

    private static IsComposing.State state(String text) throws InvalidIsComposingException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "active" -> IsComposing.State.ACTIVE;
            case "idle" -> IsComposing.State.IDLE;
            default -> throw new InvalidIsComposingException("unknown is-composing state '" + abbreviate(text) + "'");
        };
    }

    private static Instant instant(String text) throws InvalidIsComposingException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidIsComposingException("<lastactive> is not a date-time: " + abbreviate(text));
        }
    }

    private static int refresh(String text) throws InvalidIsComposingException {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds <= 0 || seconds > MAX_REFRESH_SECONDS) {
                throw new InvalidIsComposingException("<refresh> out of range: " + seconds);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new InvalidIsComposingException("<refresh> is not a number: " + abbreviate(text));
        }
    }

    private static boolean isMediaType(String s) {
        return s.length() <= 128 && s.matches("[A-Za-z0-9!#$&^_.+-]+(/[A-Za-z0-9!#$&^_.+-]+)?");
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
