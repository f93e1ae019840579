package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.Optional;

/** The server's own domain and the checks on addresses clients send us. */
public final class Addressing {

    private final String domain;

    public Addressing(String domain) {
        this.domain = Jid.domain(domain).domain();
    }

    public String domain() {
        return domain;
    }

    public Jid serverJid() {
        return Jid.domain(domain);
    }

    /** The stanza's {@code to}, or empty when absent; a malformed one is a jid-malformed error. */
    public Optional<Jid> to(XmlElement stanza) throws StanzaException {
        String to = stanza.attr("to");
        if (to == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Jid.parse(to));
        } catch (InvalidAddressException e) {
            throw new StanzaException(StanzaError.JID_MALFORMED, e.getMessage());
        }
    }

    public boolean isLocal(Jid jid) {
        return jid.domain().equals(domain);
    }

    public boolean isLocal(Address address) {
        return address.domain().equals(domain);
    }

    /** Key of a local user in the stores, which hold accounts of this one domain by username. */
    public static String owner(Address user) {
        return user.local();
    }
}
