package io.switchboard.app.recents;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.PresenceColour;

import java.util.Objects;

import javafx.beans.value.ObservableValue;

/**
 * One call of the Recents list as shown: the record, the other party's address, their live
 * presence, and the texts of the row.
 *
 * @param detail       "Outgoing · 14:03 · 02:15", "Missed · 9 Mar 08:12"
 * @param accessibleText what a screen reader says for the row
 */
public record RecentCallRow(CallRecord record, Address remote, ObservableValue<PresenceColour> presence, String detail,
                            String accessibleText) {

    public RecentCallRow {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(presence, "presence");
    }

    public String name() {
        return record.name();
    }
}
