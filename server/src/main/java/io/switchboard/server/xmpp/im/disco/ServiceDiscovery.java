package io.switchboard.server.xmpp.im.disco;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Service discovery answers (XEP-0030) for the server itself and for user accounts. Neither
 * has nodes or items yet. With a people directory, the server's info carries where it is as
 * extended information (XEP-0128, form {@link #DIRECTORY_FORM}), so clients search it without
 * being configured (ADR 0029).
 */
public final class ServiceDiscovery {

    /** The FORM_TYPE of the directory's location in the server's disco#info. */
    public static final String DIRECTORY_FORM = "urn:xmpp:switchboard:directory:0";
    private static final String DATA_FORMS = "jabber:x:data";

    /** What the server JID supports; roster versioning is announced as a stream feature instead. */
    static final List<String> SERVER_FEATURES = List.of(
            Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.PING, Namespaces.ROSTER, "msgoffline");

    static final List<String> ACCOUNT_FEATURES = List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS);

    private final Supplier<Optional<DirectoryLocation>> directory;

    public ServiceDiscovery() {
        this(Optional::empty);
    }

    /** @param directory where the people directory is now (its port may be known only once it started) */
    public ServiceDiscovery(Supplier<Optional<DirectoryLocation>> directory) {
        this.directory = directory;
    }

    public XmlElement serverInfo(XmlElement iq, XmlElement query) throws StanzaException {
        XmlElement.Builder result = info(query, "server", "im", "Switchboard", SERVER_FEATURES);
        directory.get().ifPresent(location -> result.child(directoryForm(location)));
        return Stanzas.iqResult(iq, result.build());
    }

    private static XmlElement directoryForm(DirectoryLocation location) {
        XmlElement.Builder form = XmlElement.builder("x", DATA_FORMS).attr("type", "result");
        form.child(field("FORM_TYPE", "hidden", DIRECTORY_FORM));
        form.child(field("ldap-url", null, location.url()));
        form.child(field("start-tls", "boolean", Boolean.toString(location.startTls())));
        form.child(field("people-base", null, location.peopleBase()));
        form.child(field("profile", null, location.profile()));
        location.bindDnTemplate().ifPresent(template -> form.child(field("bind-dn-template", null, template)));
        location.numbering().ifPresent(numbering -> {
            form.child(field("phone-region", null, numbering.region()));
            form.child(field("extension-digits", null, Integer.toString(numbering.extensionDigits())));
            numbering.extensionPrefix().ifPresent(prefix -> form.child(field("extension-prefix", null, prefix)));
        });
        return form.build();
    }

    private static XmlElement field(String var, String type, String value) {
        return XmlElement.builder("field", DATA_FORMS).attr("var", var).attr("type", type)
                .child(XmlElement.builder("value", DATA_FORMS).text(value).build()).build();
    }

    public XmlElement accountInfo(XmlElement iq, XmlElement query) throws StanzaException {
        return Stanzas.iqResult(iq, info(query, "account", "registered", null, ACCOUNT_FEATURES).build());
    }

    public XmlElement items(XmlElement iq, XmlElement query) throws StanzaException {
        requireNoNode(query);
        return Stanzas.iqResult(iq, XmlElement.builder("query", Namespaces.DISCO_ITEMS).build());
    }

    private static XmlElement.Builder info(XmlElement query, String category, String type, String name,
                                           List<String> features) throws StanzaException {
        requireNoNode(query);
        XmlElement.Builder result = XmlElement.builder("query", Namespaces.DISCO_INFO)
                .child(XmlElement.builder("identity", Namespaces.DISCO_INFO)
                        .attr("category", category).attr("type", type).attr("name", name).build());
        for (String feature : features) {
            result.child(XmlElement.builder("feature", Namespaces.DISCO_INFO).attr("var", feature).build());
        }
        return result;
    }

    private static void requireNoNode(XmlElement query) throws StanzaException {
        if (query.attr("node") != null) {
            throw new StanzaException(StanzaError.ITEM_NOT_FOUND, "no such node");
        }
    }
}
