package io.switchboard.xmpp.internal;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.Optional;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Converts between core's {@link Address} and jxmpp's JIDs. */
public final class Jids {

    private Jids() {
    }

    public static EntityBareJid bare(Address address) {
        try {
            return JidCreate.entityBareFrom(address.toJid());
        } catch (XmppStringprepException e) {
            throw new InvalidAddressException("'" + address + "' is not a valid JID: " + e.getMessage());
        }
    }

    /** The address of a JID from the network; empty for JIDs without a user part (servers, components). */
    public static Optional<Address> address(Jid jid) {
        if (jid == null) {
            return Optional.empty();
        }
        BareJid bare = jid.asBareJid();
        if (bare.getLocalpartOrNull() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.fromJid(bare.toString()));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    public static String resource(Jid jid) {
        return jid == null || jid.getResourceOrNull() == null ? "" : jid.getResourceOrNull().toString();
    }
}
