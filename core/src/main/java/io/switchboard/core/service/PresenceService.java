package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Presence;

/** My own presence, and the composed presence of the people I watch. */
public interface PresenceService {

    /**
     * Publishes my availability and note from this device; {@code OFFLINE} is not allowed here
     * (use {@link ClientSession#signOut()}).
     */
    void setOwnPresence(Availability availability, String note) throws ServiceException;

    /** What I last published from this device. */
    Presence ownPresence();

    /** The composed presence of a contact: {@link Presence#OFFLINE} when unknown. */
    Presence presenceOf(Address contact);

    ListenerRegistration addListener(PresenceListener listener);

    /** Called on the session's event thread. */
    @FunctionalInterface
    interface PresenceListener {
        void presenceChanged(Address contact, Presence presence);
    }
}
