package io.switchboard.app.buddylist;

import java.util.Objects;

/**
 * A contact shown under one group. Identity matters: the view model keeps one row object per
 * (group, contact) for as long as that membership lasts, and updates the shared
 * {@link ContactItem} in place instead of replacing rows.
 */
public final class ContactRow implements BuddyRow {

    private final String group;
    private final ContactItem item;

    ContactRow(String group, ContactItem item) {
        this.group = Objects.requireNonNull(group, "group");
        this.item = Objects.requireNonNull(item, "item");
    }

    @Override
    public String group() {
        return group;
    }

    public ContactItem item() {
        return item;
    }

    @Override
    public String accessibleText() {
        return item.getAccessibleText();
    }

    @Override
    public String toString() {
        return "ContactRow[" + group + ": " + item.address() + "]";
    }
}
