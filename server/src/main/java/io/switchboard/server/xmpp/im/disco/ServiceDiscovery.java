package io.switchboard.server.xmpp.im.disco;

import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;

/**
 * Service discovery answers (XEP-0030) for the server itself and for user accounts. Neither
 * has nodes or items yet.
 */
public final class ServiceDiscovery {

    /** What the server JID supports; roster versioning is announced as a stream feature instead. */
    static final List<String> SERVER_FEATURES = List.of(
            Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.PING, Namespaces.ROSTER, "msgoffline");

    static final List<String> ACCOUNT_FEATURES = List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS);

    public XmlElement serverInfo(XmlElement iq, XmlElement query) throws StanzaException {
        return info(iq, query, "server", "im", "Switchboard", SERVER_FEATURES);
    }

    public XmlElement accountInfo(XmlElement iq, XmlElement query) throws StanzaException {
        return info(iq, query, "account", "registered", null, ACCOUNT_FEATURES);
    }

    public XmlElement items(XmlElement iq, XmlElement query) throws StanzaException {
        requireNoNode(query);
        return Stanzas.iqResult(iq, XmlElement.builder("query", Namespaces.DISCO_ITEMS).build());
    }

    private static XmlElement info(XmlElement iq, XmlElement query, String category, String type, String name,
                                   List<String> features) throws StanzaException {
        requireNoNode(query);
        XmlElement.Builder result = XmlElement.builder("query", Namespaces.DISCO_INFO)
                .child(XmlElement.builder("identity", Namespaces.DISCO_INFO)
                        .attr("category", category).attr("type", type).attr("name", name).build());
        for (String feature : features) {
            result.child(XmlElement.builder("feature", Namespaces.DISCO_INFO).attr("var", feature).build());
        }
        return Stanzas.iqResult(iq, result.build());
    }

    private static void requireNoNode(XmlElement query) throws StanzaException {
        if (query.attr("node") != null) {
            throw new StanzaException(StanzaError.ITEM_NOT_FOUND, "no such node");
        }
    }
}
