package io.switchboard.sip.presence.watch;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Presence;

/** Told about watched contacts, on the user agent's event executor. */
public interface WatcherListener {

    /** A NOTIFY brought a contact's presence (OFFLINE when a subscription ended for good). */
    void presenceChanged(Address contact, Presence presence);

    /** A subscription became pending, active or terminated. */
    default void subscriptionChanged(Address contact, SubscriptionStatus status) {
    }
}
