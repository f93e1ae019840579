package io.switchboard.sip.presence.winfo;

import static io.switchboard.sip.presence.winfo.WatcherInfo.NAMESPACE;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link WatcherInfo} as {@code application/watcherinfo+xml} in UTF-8. Stateless and thread-safe. */
public final class WatcherInfoWriter {

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    public byte[] write(WatcherInfo info) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "watcherinfo");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", Long.toString(info.version()));
            xml.writeAttribute("state", info.state().token());
            for (WatcherList list : info.lists()) {
                xml.writeStartElement(NAMESPACE, "watcher-list");
                xml.writeAttribute("resource", list.resource());
                xml.writeAttribute("package", list.eventPackage());
                for (Watcher watcher : list.watchers()) {
                    watcher(xml, watcher);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing watcherinfo to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void watcher(XMLStreamWriter xml, Watcher watcher) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "watcher");
        xml.writeAttribute("status", watcher.status().token());
        xml.writeAttribute("event", watcher.event().token());
        xml.writeAttribute("id", watcher.id());
        if (watcher.displayName() != null) {
            xml.writeAttribute("display-name", watcher.displayName());
        }
        if (watcher.lang() != null) {
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", watcher.lang());
        }
        if (watcher.expiration() != null) {
            xml.writeAttribute("expiration", Long.toString(watcher.expiration()));
        }
        if (watcher.durationSubscribed() != null) {
            xml.writeAttribute("duration-subscribed", Long.toString(watcher.durationSubscribed()));
        }
        xml.writeCharacters(watcher.uri());
        xml.writeEndElement();
    }
}
