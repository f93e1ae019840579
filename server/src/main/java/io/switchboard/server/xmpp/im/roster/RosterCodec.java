package io.switchboard.server.xmpp.im.roster;

import io.switchboard.server.store.RosterItem;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.Locale;

/** Roster items as RFC 6121 §2.1.2 puts them on the wire. */
public final class RosterCodec {

    private RosterCodec() {
    }

    public static XmlElement item(RosterItem item) {
        XmlElement.Builder b = XmlElement.builder("item", Namespaces.ROSTER)
                .attr("jid", item.contact().toJid())
                .attr("name", item.name().isEmpty() ? null : item.name())
                .attr("subscription", item.subscription().name().toLowerCase(Locale.ROOT))
                .attr("ask", item.askSubscribe() ? "subscribe" : null)
                .attr("approved", item.preApproved() ? "true" : null);
        item.groups().stream().sorted().forEach(g -> b.textChild("group", g));
        return b.build();
    }

    public static XmlElement removedItem(String contactJid) {
        return XmlElement.builder("item", Namespaces.ROSTER)
                .attr("jid", contactJid)
                .attr("subscription", "remove")
                .build();
    }
}
