package io.switchboard.app.phone;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.PresenceColour;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What the call screens know of the people in calls, from the buddy list: the name the user gave
 * them and their live presence. Used on the UI thread.
 */
public interface ContactLookup {

    /** Nobody is a contact: names are addresses, presence is unknown (grey). */
    ContactLookup NONE = new ContactLookup() {
        @Override
        public String displayName(Address who) {
            return who.toString();
        }

        @Override
        public ObservableValue<PresenceColour> presence(Address who) {
            return new ReadOnlyObjectWrapper<>(PresenceColour.GREY).getReadOnlyProperty();
        }
    };

    /** The contact's name, or the address when {@code who} is not a contact. */
    String displayName(Address who);

    /** The contact's presence colour, following every change; grey for someone not in the list. */
    ObservableValue<PresenceColour> presence(Address who);
}
