package io.switchboard.sip.presence.xcap;

import static io.switchboard.sip.presence.xcap.PresRules.COMMON_POLICY;
import static io.switchboard.sip.presence.xcap.PresRules.PRES_RULES;

import io.switchboard.sip.presence.HardenedXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses pres-rules documents ({@code application/auth-policy+xml}, RFC 5025 over RFC 4745) and
 * single {@code <cr:rule>} elements ({@code application/xcap-el+xml}). Hostile-input safe like the
 * PIDF and watcher-info parsers: a size limit before parsing, no DTD (so no entity is ever
 * expanded), a nesting-depth limit. Elements of other namespaces are skipped (both schemas allow
 * extensions); what the schemas require (a rule id, unique ids, a known sub-handling value)
 * is checked. Stateless and thread-safe.
 */
public final class PresRulesParser {

    public static final int DEFAULT_MAX_BYTES = 256 * 1024;
    private static final String DOCUMENT = "pres-rules";

    private final XMLInputFactory factory;
    private final int maxBytes;

    public PresRulesParser(int maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = HardenedXml.newFactory();
    }

    public PresRulesParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A whole document: a {@code <cr:ruleset>}. */
    public PresRules parse(byte[] body) throws PresRulesParseException {
        return read(body, "ruleset", reader -> ruleset(reader));
    }

    /** One rule, as PUT or GET by a node selector: a {@code <cr:rule>} root. */
    public PresRule parseRule(byte[] body) throws PresRulesParseException {
        return read(body, "rule", PresRulesParser::rule);
    }

    private interface Body<T> {
        T read(XMLStreamReader reader) throws XMLStreamException, PresRulesParseException;
    }

    private <T> T read(byte[] body, String root, Body<T> content) throws PresRulesParseException {
        if (body.length > maxBytes) {
            throw new PresRulesParseException(DOCUMENT + " body of " + body.length + " bytes exceeds the limit of "
                    + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            moveToRoot(reader, root);
            T result = content.read(reader);
            while (reader.hasNext()) {
                // the rest must still be well-formed (trailing junk after the root is not)
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    throw new PresRulesParseException("more than one root element", true, null);
                }
            }
            return result;
        } catch (XMLStreamException | IllegalStateException e) {
            throw new PresRulesParseException("malformed " + DOCUMENT + " XML: " + e.getMessage(), true, e);
        } finally {
            HardenedXml.close(reader);
        }
    }

    private static void moveToRoot(XMLStreamReader reader, String root)
            throws XMLStreamException, PresRulesParseException {
        if (!HardenedXml.toRoot(reader, DOCUMENT, PresRulesParseException::new)) {
            throw new PresRulesParseException("empty " + DOCUMENT + " document", true, null);
        }
        if (!is(reader, COMMON_POLICY, root)) {
            throw new PresRulesParseException("root element is not <" + root + "> of " + COMMON_POLICY
                    + ": " + reader.getName());
        }
    }

    private static PresRules ruleset(XMLStreamReader reader) throws XMLStreamException, PresRulesParseException {
        List<PresRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (nextChild(reader)) {
            if (is(reader, COMMON_POLICY, "rule")) {
                PresRule rule = rule(reader);
                if (!ids.add(rule.id())) {
                    throw new PresRulesParseException("two rules with the id " + rule.id());
                }
                rules.add(rule);
            } else {
                skip(reader);
            }
        }
        return new PresRules(rules);
    }

    private static PresRule rule(XMLStreamReader reader) throws XMLStreamException, PresRulesParseException {
        String id = reader.getAttributeValue(null, "id");
        if (id == null || id.isBlank()) {
            throw new PresRulesParseException("<rule> without id");
        }
        List<String> identities = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Optional<SubHandling> subHandling = Optional.empty();
        while (nextChild(reader)) {
            if (is(reader, COMMON_POLICY, "conditions")) {
                conditions(reader, identities, other);
            } else if (is(reader, COMMON_POLICY, "actions")) {
                subHandling = actions(reader);
            } else {
                skip(reader); // transformations: the server gives allowed watchers everything (ADR 0019)
            }
        }
        return new PresRule(id.strip(), identities, subHandling, other);
    }

    private static void conditions(XMLStreamReader reader, List<String> identities, List<String> other)
            throws XMLStreamException, PresRulesParseException {
        while (nextChild(reader)) {
            if (is(reader, COMMON_POLICY, "identity")) {
                while (nextChild(reader)) {
                    if (is(reader, COMMON_POLICY, "one")) {
                        String id = reader.getAttributeValue(null, "id");
                        if (id == null || id.isBlank()) {
                            throw new PresRulesParseException("<one> without id");
                        }
                        identities.add(id.strip());
                        skip(reader);
                    } else {
                        other.add("identity/" + reader.getLocalName());
                        skip(reader);
                    }
                }
            } else {
                other.add(reader.getLocalName());
                skip(reader);
            }
        }
    }

    private static Optional<SubHandling> actions(XMLStreamReader reader)
            throws XMLStreamException, PresRulesParseException {
        Optional<SubHandling> found = Optional.empty();
        while (nextChild(reader)) {
            if (is(reader, PRES_RULES, "sub-handling")) {
                String token = text(reader).strip();
                SubHandling value = SubHandling.fromToken(token)
                        .orElseThrow(() -> new PresRulesParseException("unknown sub-handling: " + token));
                if (found.isPresent()) {
                    throw new PresRulesParseException("more than one <sub-handling> in a rule");
                }
                found = Optional.of(value);
            } else {
                skip(reader);
            }
        }
        return found;
    }

    /** The text of a simple element, refusing children and entity references. */
    private static String text(XMLStreamReader reader) throws XMLStreamException, PresRulesParseException {
        StringBuilder out = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        out.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return out.toString();
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new PresRulesParseException(DOCUMENT + " with entity references is refused");
                case XMLStreamConstants.START_ELEMENT ->
                        throw new PresRulesParseException("<" + reader.getLocalName() + "> inside a text element");
                default -> {
                    // comments, processing instructions
                }
            }
        }
        throw new PresRulesParseException(DOCUMENT + " ends inside an element", true, null);
    }

    private static boolean is(XMLStreamReader reader, String namespace, String localName) {
        return namespace.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }

    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException, PresRulesParseException {
        return HardenedXml.nextChild(reader, DOCUMENT, PresRulesParseException::new);
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException, PresRulesParseException {
        HardenedXml.skip(reader, DOCUMENT, PresRulesParseException::new);
    }
}
