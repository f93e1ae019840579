package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.SessionRegistry;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.xml.XmlElement;

/** Delivery of presence stanzas to local users' resources. */
public final class PresenceDelivery {

    private final SessionRegistry registry;

    public PresenceDelivery(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Delivers to every available resource of {@code user}, addressed to the bare JID. */
    public void toAvailable(Address user, XmlElement stanza) {
        XmlElement addressed = stanza.withAttribute("to", user.toJid());
        for (ResourceSession s : registry.available(user)) {
            s.send(addressed);
        }
    }

    /** Delivers to one resource, if it is bound; returns whether it was. */
    public boolean toResource(Jid fullJid, XmlElement stanza) {
        return registry.find(fullJid).map(s -> {
            s.send(stanza.withAttribute("to", fullJid.toString()));
            return true;
        }).orElse(false);
    }

    /** Sends the current presence of each of {@code from}'s available resources to {@code to}'s. */
    public void currentPresence(Address from, Address to) {
        for (XmlElement p : registry.presences(from)) {
            toAvailable(to, p);
        }
    }

    /** Tells {@code to}'s resources that each available resource of {@code from} is gone (RFC 6121 §3.2.2, §3.3.3). */
    public void unavailable(Address from, Address to) {
        for (ResourceSession s : registry.available(from)) {
            toAvailable(to, Stanzas.presence("unavailable", s.jid(), null));
        }
    }
}
