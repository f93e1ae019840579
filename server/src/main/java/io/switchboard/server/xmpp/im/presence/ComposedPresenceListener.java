package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Presence;

/** Told when a user's composed presence changes (SIP watchers will subscribe here). */
@FunctionalInterface
public interface ComposedPresenceListener {
    void composedPresenceChanged(Address user, Presence presence);
}
