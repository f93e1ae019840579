package io.switchboard.core.model;

import java.util.List;
import java.util.Objects;

/** A named group of the buddy list with the counts a UC client shows in its header. */
public record ContactGroup(String name, List<Contact> contacts) {

    /** Where contacts without any group appear. */
    public static final String UNGROUPED = "Contacts";

    public ContactGroup {
        Objects.requireNonNull(name, "name");
        contacts = List.copyOf(contacts == null ? List.of() : contacts);
    }

    public int total() {
        return contacts.size();
    }

    public long online() {
        return contacts.stream().filter(c -> c.presence().isOnline()).count();
    }
}
