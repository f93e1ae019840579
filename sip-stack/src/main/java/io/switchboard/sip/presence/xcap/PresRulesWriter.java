package io.switchboard.sip.presence.xcap;

import static io.switchboard.sip.presence.xcap.PresRules.COMMON_POLICY;
import static io.switchboard.sip.presence.xcap.PresRules.PRES_RULES;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link PresRules} documents and single rules in UTF-8 with the conventional prefixes
 * {@code cr} (common policy) and {@code pr} (pres-rules). A rule with {@code allow} carries the
 * "everything" transformations of RFC 5025 §3.3: without them an allowed watcher would be
 * promised nothing, and this server gives allowed watchers the whole presence. Stateless and
 * thread-safe.
 */
public final class PresRulesWriter {

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    public byte[] write(PresRules rules) {
        return document(xml -> {
            xml.writeStartElement("cr", "ruleset", COMMON_POLICY);
            namespaces(xml);
            for (PresRule rule : rules.rules()) {
                rule(xml, rule);
            }
            xml.writeEndElement();
        });
    }

    /** One {@code <cr:rule>} as the root, with its own namespace declarations (RFC 4825 §8.2). */
    public byte[] writeRule(PresRule rule) {
        return document(xml -> {
            xml.writeStartElement("cr", "rule", COMMON_POLICY);
            namespaces(xml);
            ruleContent(xml, rule);
            xml.writeEndElement();
        });
    }

    private interface Content {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private byte[] document(Content content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("cr", COMMON_POLICY);
            xml.setPrefix("pr", PRES_RULES);
            content.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing pres-rules to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void namespaces(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeNamespace("cr", COMMON_POLICY);
        xml.writeNamespace("pr", PRES_RULES);
    }

    private static void rule(XMLStreamWriter xml, PresRule rule) throws XMLStreamException {
        xml.writeStartElement("cr", "rule", COMMON_POLICY);
        ruleContent(xml, rule);
        xml.writeEndElement();
    }

    private static void ruleContent(XMLStreamWriter xml, PresRule rule) throws XMLStreamException {
        xml.writeAttribute("id", rule.id());
        xml.writeStartElement("cr", "conditions", COMMON_POLICY);
        if (!rule.identities().isEmpty()) {
            xml.writeStartElement("cr", "identity", COMMON_POLICY);
            for (String identity : rule.identities()) {
                xml.writeEmptyElement("cr", "one", COMMON_POLICY);
                xml.writeAttribute("id", identity);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        if (rule.subHandling().isPresent()) {
            xml.writeStartElement("cr", "actions", COMMON_POLICY);
            xml.writeStartElement("pr", "sub-handling", PRES_RULES);
            xml.writeCharacters(rule.subHandling().get().token());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        if (rule.subHandling().filter(s -> s == SubHandling.ALLOW).isPresent()) {
            xml.writeStartElement("cr", "transformations", COMMON_POLICY);
            provideAll(xml, "provide-services", "all-services");
            provideAll(xml, "provide-persons", "all-persons");
            provideAll(xml, "provide-devices", "all-devices");
            xml.writeEmptyElement("pr", "provide-all-attributes", PRES_RULES);
            xml.writeEndElement();
        }
    }

    private static void provideAll(XMLStreamWriter xml, String provide, String all) throws XMLStreamException {
        xml.writeStartElement("pr", provide, PRES_RULES);
        xml.writeEmptyElement("pr", all, PRES_RULES);
        xml.writeEndElement();
    }
}
