package io.switchboard.app.buddylist;

import io.switchboard.app.settings.SortOrder;

import java.util.Comparator;

/** The comparator of contact rows within a group for each {@link SortOrder}. */
final class ContactOrder {

    private static final Comparator<ContactItem> BY_NAME =
            Comparator.comparing(ContactItem::sortKey).thenComparing(ContactItem::address);
    /** Most reachable first ({@code Availability.reachability()}), then by name. */
    private static final Comparator<ContactItem> BY_AVAILABILITY =
            Comparator.<ContactItem>comparingInt(i -> i.getAvailability().reachability()).thenComparing(BY_NAME);

    private ContactOrder() {
    }

    static Comparator<ContactRow> rows(SortOrder order) {
        Comparator<ContactItem> items = order == SortOrder.BY_AVAILABILITY ? BY_AVAILABILITY : BY_NAME;
        return Comparator.comparing(ContactRow::item, items);
    }
}
