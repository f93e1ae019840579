package io.switchboard.app.buddylist;

import java.util.Comparator;

/** How contacts are ordered within a group. */
public enum SortOrder {
    BY_NAME("Name", Comparator.comparing(ContactItem::sortName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ContactItem::address)),
    /** Most reachable first ({@code Availability.reachability()}), then by name. */
    BY_AVAILABILITY("Availability", Comparator.<ContactItem>comparingInt(i -> i.getAvailability().reachability())
            .thenComparing(ContactItem::sortName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ContactItem::address));

    private final String label;
    private final Comparator<ContactItem> comparator;

    SortOrder(String label, Comparator<ContactItem> comparator) {
        this.label = label;
        this.comparator = comparator;
    }

    public String label() {
        return label;
    }

    Comparator<ContactRow> rows() {
        return Comparator.comparing(ContactRow::item, comparator);
    }

    @Override
    public String toString() {
        return label;
    }
}
