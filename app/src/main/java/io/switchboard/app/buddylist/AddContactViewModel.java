package io.switchboard.app.buddylist;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The add-contact form: address (validated as you type with core's {@link Address#parse},
 * whose message is shown inline), display name and a group, existing or new.
 */
public final class AddContactViewModel {

    private final BuddyListViewModel buddyList;
    private final ObservableList<String> groupChoices;
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper(this, "addressError", "");
    private final BooleanBinding valid;

    AddContactViewModel(BuddyListViewModel buddyList, ObservableList<String> groupChoices) {
        this.buddyList = Objects.requireNonNull(buddyList, "buddyList");
        this.groupChoices = groupChoices;
        address.addListener((obs, old, text) -> addressError.set(validate(text)));
        valid = Bindings.createBooleanBinding(() -> !address.get().isBlank() && addressError.get().isEmpty(),
                address, addressError);
    }

    /** Empty when the text is blank (nothing to complain about yet) or a valid address. */
    private static String validate(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            Address.parse(text);
            return "";
        } catch (InvalidAddressException e) {
            return e.getMessage();
        }
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    /** An existing group name, a new one, or blank for none. */
    public StringProperty groupProperty() {
        return group;
    }

    public ObservableList<String> groupChoices() {
        return groupChoices;
    }

    /** Why the address cannot be used, for a person; empty when it can. */
    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Sends the request; failures appear in the buddy list's error message. */
    public boolean submit() {
        if (!valid.get()) {
            if (address.get().isBlank()) {
                addressError.set("Enter an address such as alice@example.com");
            }
            return false;
        }
        return buddyList.addContact(address.get(), displayName.get(), group.get());
    }
}
