package io.switchboard.app.buddylist;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.PresenceColour;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * One person of the buddy list as the UI shows them. There is exactly one item per contact;
 * a contact in several groups has one {@link ContactRow} per group, all sharing this item, so
 * a presence change updates every row of that person in place. Touched on the UI thread only.
 */
public final class ContactItem {

    static final String WAITING_FOR_APPROVAL = "Waiting for approval";

    private final Address address;
    private Contact contact;
    /** Lower-case name, address and note: what filter-as-you-type searches. */
    private String searchText;
    private String sortKey;

    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName");
    private final ReadOnlyObjectWrapper<Availability> availability = new ReadOnlyObjectWrapper<>(this, "availability");
    private final ReadOnlyObjectWrapper<PresenceColour> colour = new ReadOnlyObjectWrapper<>(this, "colour");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
    private final ReadOnlyStringWrapper devicesText = new ReadOnlyStringWrapper(this, "devicesText");
    private final ReadOnlyBooleanWrapper awaitingApproval = new ReadOnlyBooleanWrapper(this, "awaitingApproval");
    private final IntegerProperty unread = new SimpleIntegerProperty(this, "unread");
    private final StringBinding accessibleText;

    ContactItem(Contact contact) {
        this.address = contact.address();
        update(contact);
        accessibleText = Bindings.createStringBinding(this::describe,
                displayName, statusText, note, awaitingApproval, unread);
    }

    /** Takes over the new state of the contact; every row showing it follows. */
    void update(Contact newContact) {
        if (!newContact.address().equals(address)) {
            throw new IllegalArgumentException(newContact.address() + " is not " + address);
        }
        contact = newContact;
        Availability a = newContact.presence().availability();
        boolean waiting = newContact.awaitingApproval() && !a.isOnline();
        displayName.set(newContact.displayName());
        availability.set(a);
        colour.set(a.colour());
        note.set(newContact.presence().note());
        awaitingApproval.set(waiting);
        statusText.set(waiting ? WAITING_FOR_APPROVAL : a.label());
        devicesText.set(describeDevices(newContact));
        searchText = (newContact.displayName() + '\n' + address + '\n' + newContact.presence().note())
                .toLowerCase(Locale.ROOT);
        sortKey = Objects.requireNonNullElse(newContact.displayName(), "").toLowerCase(Locale.ROOT);
    }

    private String describe() {
        StringBuilder sb = new StringBuilder(displayName.get()).append(", ").append(statusText.get());
        if (!note.get().isBlank()) {
            sb.append(", ").append(note.get());
        }
        if (unread.get() > 0) {
            sb.append(", ").append(unread.get()).append(" unread");
        }
        return sb.toString();
    }

    private static String describeDevices(Contact c) {
        if (c.presence().devices().isEmpty()) {
            return c.address() + "\nNo device signed in";
        }
        return c.address() + "\n" + c.presence().devices().stream()
                .map(ContactItem::describeDevice)
                .collect(Collectors.joining("\n"));
    }

    private static String describeDevice(DevicePresence d) {
        String line = d.deviceId() + ": " + d.availability().label();
        return d.note().isBlank() ? line : line + " (" + d.note() + ")";
    }

    boolean matches(String lowerCaseFilter) {
        return lowerCaseFilter.isEmpty() || searchText.contains(lowerCaseFilter);
    }

    public Address address() {
        return address;
    }

    /** The latest state of the contact from the session. */
    public Contact contact() {
        return contact;
    }

    public boolean isOnline() {
        return contact.presence().isOnline();
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public String getDisplayName() {
        return displayName.get();
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public Availability getAvailability() {
        return availability.get();
    }

    public ReadOnlyObjectProperty<PresenceColour> colourProperty() {
        return colour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The availability word ("Busy"), or "Waiting for approval" while my request is pending. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public String getStatusText() {
        return statusText.get();
    }

    /** Per-device detail for the tooltip: one line per device with availability and note. */
    public ReadOnlyStringProperty devicesTextProperty() {
        return devicesText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty awaitingApprovalProperty() {
        return awaitingApproval.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    public int getUnread() {
        return unread.get();
    }

    /** Bound by the view model to the chat side's unread counter of this peer. */
    IntegerProperty unreadCounter() {
        return unread;
    }

    /** What a screen reader says for a row: "Bob Brown, Busy, in a meeting, 2 unread". */
    public ObservableStringValue accessibleTextProperty() {
        return accessibleText;
    }

    public String getAccessibleText() {
        return accessibleText.get();
    }

    @Override
    public String toString() {
        return "ContactItem[" + address + "]";
    }

    /**
     * The display name in lower case, computed once per update: sorting 2,000 contacts compares
     * names ~20,000 times, and a case-insensitive comparison each time was a large part of it.
     */
    String sortKey() {
        return sortKey;
    }
}
