package io.switchboard.server.xmpp.im.roster;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.SessionRegistry;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends roster pushes (RFC 6121 §2.1.6) to every interested resource of a user: those that
 * requested the roster in this session. Each push carries the new roster version (§2.6).
 */
public final class RosterPusher {

    private final SessionRegistry registry;
    private final AtomicLong ids = new AtomicLong();

    public RosterPusher(SessionRegistry registry) {
        this.registry = registry;
    }

    public void pushItem(Address owner, RosterItem item, String version) {
        push(owner, RosterCodec.item(item), version);
    }

    public void pushRemoval(Address owner, Address contact, String version) {
        push(owner, RosterCodec.removedItem(contact.toJid()), version);
    }

    private void push(Address owner, XmlElement item, String version) {
        for (ResourceSession s : registry.resources(owner)) {
            if (!s.isInterested()) {
                continue;
            }
            XmlElement query = XmlElement.builder("query", Namespaces.ROSTER)
                    .attr("ver", version)
                    .child(item)
                    .build();
            s.send(XmlElement.builder("iq", Namespaces.CLIENT)
                    .attr("type", "set")
                    .attr("id", "push" + ids.incrementAndGet())
                    .attr("to", s.jid().toString())
                    .child(query)
                    .build());
        }
    }
}
