package io.switchboard.app.buddylist;

import io.switchboard.app.settings.SortOrder;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The flat row list of the buddy list (group headers interleaved with their visible members)
 * and the per-group bookkeeping behind it. Changes are applied as small edits of the
 * observable list, so a virtualised list view only touches the rows that changed; in bulk
 * mode (sign-in, a big burst, a new filter or sort) the list is rebuilt once at the end
 * instead. Row objects survive both: a row is created when a contact joins a group and kept
 * until it leaves it. UI thread only.
 */
final class GroupedRows {

    /** One group: all its members (for the counts) and the sorted ones the filter lets through. */
    private static final class Section {
        final GroupRow header;
        final Map<ContactItem, ContactRow> members = new IdentityHashMap<>();
        final List<ContactRow> shown = new ArrayList<>();
        int online;
        boolean inList;

        Section(String name) {
            header = new GroupRow(name);
        }

        int listSize() {
            return inList ? 1 + (header.isExpanded() ? shown.size() : 0) : 0;
        }

        void refreshCounts() {
            header.setCounts(online, members.size());
        }
    }

    /** Groups in the order they are shown: case-insensitive, case-sensitive names kept apart. */
    private static final Comparator<String> GROUP_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final ObservableList<BuddyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> groupNames = FXCollections.observableArrayList();
    private final TreeMap<String, Section> sections = new TreeMap<>(GROUP_ORDER);
    private final Set<String> collapsed = new HashSet<>();
    private String filter = "";
    private boolean showOffline = true;
    private Comparator<ContactRow> order = ContactOrder.rows(SortOrder.BY_NAME);
    private boolean bulk;

    ObservableList<BuddyRow> rows() {
        return rows;
    }

    ObservableList<String> groupNames() {
        return groupNames;
    }

    static Set<String> effectiveGroups(Contact contact) {
        return contact.groups().isEmpty() ? Set.of(ContactGroup.UNGROUPED) : contact.groups();
    }

    /** Stops editing the row list until {@link #endBulk()}, which rebuilds it once. */
    void beginBulk() {
        bulk = true;
    }

    void endBulk() {
        bulk = false;
        rebuild();
    }

    void setFilter(String text) {
        filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        rebuild();
    }

    void setShowOffline(boolean show) {
        showOffline = show;
        rebuild();
    }

    void setOrder(SortOrder sortOrder) {
        order = ContactOrder.rows(sortOrder);
        rebuild();
    }

    /** A new contact: one row in each of its groups. */
    void add(ContactItem item) {
        for (String g : effectiveGroups(item.contact())) {
            attach(g, item);
        }
    }

    void remove(ContactItem item) {
        for (String g : effectiveGroups(item.contact())) {
            detach(g, item);
        }
    }

    /**
     * Applies a new state of a known contact. Rows of groups the contact stays in are kept and
     * only moved when their position or visibility changes; rows of left groups go, rows of new
     * groups come.
     */
    void update(ContactItem item, Contact newState) {
        Set<String> before = effectiveGroups(item.contact());
        Set<String> after = effectiveGroups(newState);
        boolean wasOnline = item.isOnline();
        for (String g : before) {
            if (!after.contains(g)) {
                detach(g, item);
            }
        }
        item.update(newState);
        int onlineDelta = (item.isOnline() ? 1 : 0) - (wasOnline ? 1 : 0);
        for (String g : after) {
            if (before.contains(g)) {
                Section s = sections.get(g);
                s.online += onlineDelta;
                s.refreshCounts();
                reposition(s, s.members.get(item));
            } else {
                attach(g, item);
            }
        }
    }

    /** The row of {@code item} in {@code group}, if it is a member. */
    ContactRow rowOf(ContactItem item, String group) {
        Section s = sections.get(group);
        return s == null ? null : s.members.get(item);
    }

    GroupRow header(String group) {
        Section s = sections.get(group);
        return s == null ? null : s.header;
    }

    void setExpanded(String group, boolean expanded) {
        Section s = sections.get(group);
        if (s == null || s.header.isExpanded() == expanded) {
            return;
        }
        if (expanded) {
            collapsed.remove(group);
        } else {
            collapsed.add(group);
        }
        if (!s.inList || bulk) {
            s.header.setExpanded(expanded);
            return;
        }
        int first = offset(s) + 1;
        s.header.setExpanded(expanded);
        if (expanded) {
            rows.addAll(first, s.shown);
        } else {
            rows.remove(first, first + s.shown.size());
        }
    }

    private void attach(String group, ContactItem item) {
        Section s = sections.get(group);
        if (s == null) {
            s = new Section(group);
            s.header.setExpanded(!collapsed.contains(group));
            sections.put(group, s);
            int at = Collections.binarySearch(groupNames, group, GROUP_ORDER);
            groupNames.add(at < 0 ? -at - 1 : at, group);
        }
        ContactRow row = new ContactRow(group, item);
        s.members.put(item, row);
        if (item.isOnline()) {
            s.online++;
        }
        s.refreshCounts();
        if (!bulk && passes(item)) {
            insertShown(s, row);
        }
        syncVisibility(s);
    }

    private void detach(String group, ContactItem item) {
        Section s = sections.get(group);
        if (s == null) {
            return;
        }
        ContactRow row = s.members.remove(item);
        if (row == null) {
            return;
        }
        if (item.isOnline()) {
            s.online--;
        }
        s.refreshCounts();
        if (!bulk) {
            removeShown(s, row);
        }
        syncVisibility(s);
        if (s.members.isEmpty()) {
            sections.remove(group);
            groupNames.remove(group);
        }
    }

    /** Moves or shows/hides one row after its contact changed, leaving it alone when it may stay. */
    private void reposition(Section s, ContactRow row) {
        if (bulk) {
            return;
        }
        int at = indexOf(s.shown, row);
        boolean passes = passes(row.item());
        if (at >= 0 && passes && inOrder(s.shown, at)) {
            return;   // updated in place: the row's cell follows the item's properties
        }
        if (at >= 0) {
            removeShown(s, row);
        }
        if (passes) {
            insertShown(s, row);
        }
        syncVisibility(s);
    }

    private boolean inOrder(List<ContactRow> list, int at) {
        ContactRow row = list.get(at);
        return (at == 0 || order.compare(list.get(at - 1), row) <= 0)
                && (at == list.size() - 1 || order.compare(row, list.get(at + 1)) <= 0);
    }

    private void insertShown(Section s, ContactRow row) {
        int at = Collections.binarySearch(s.shown, row, order);
        at = at < 0 ? -at - 1 : at;
        s.shown.add(at, row);
        if (s.inList && s.header.isExpanded()) {
            rows.add(offset(s) + 1 + at, row);
        }
    }

    private void removeShown(Section s, ContactRow row) {
        int at = indexOf(s.shown, row);
        if (at < 0) {
            return;
        }
        if (s.inList && s.header.isExpanded()) {
            rows.remove(offset(s) + 1 + at);
        }
        s.shown.remove(at);
    }

    /** Adds or removes the whole section (header and shown members) when its visibility flips. */
    private void syncVisibility(Section s) {
        if (bulk) {
            return;
        }
        boolean show = shouldShow(s);
        if (show == s.inList) {
            return;
        }
        int at = offset(s);
        if (show) {
            List<BuddyRow> block = new ArrayList<>(1 + s.shown.size());
            block.add(s.header);
            if (s.header.isExpanded()) {
                block.addAll(s.shown);
            }
            rows.addAll(at, block);
            s.inList = true;
        } else {
            rows.remove(at, at + s.listSize());
            s.inList = false;
        }
    }

    /** A group shows while it has members, and while filtering only when some of them match. */
    private boolean shouldShow(Section s) {
        return !s.members.isEmpty() && (filter.isEmpty() || !s.shown.isEmpty());
    }

    private boolean passes(ContactItem item) {
        return (showOffline || item.isOnline()) && item.matches(filter);
    }

    /** Where the section's header is (or would be) in the row list. */
    private int offset(Section s) {
        int at = 0;
        for (Section before : sections.headMap(s.header.name(), false).values()) {
            at += before.listSize();
        }
        return at;
    }

    private void rebuild() {
        if (bulk) {
            return;
        }
        List<BuddyRow> all = new ArrayList<>(rows.size() + 16);
        for (Section s : sections.values()) {
            s.shown.clear();
            for (ContactRow row : s.members.values()) {
                if (passes(row.item())) {
                    s.shown.add(row);
                }
            }
            s.shown.sort(order);
            s.inList = shouldShow(s);
            if (s.inList) {
                all.add(s.header);
                if (s.header.isExpanded()) {
                    all.addAll(s.shown);
                }
            }
        }
        rows.setAll(all);
    }

    /** Rows are unique objects; identity search also finds a row whose sort key just changed. */
    private static int indexOf(List<ContactRow> list, ContactRow row) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == row) {
                return i;
            }
        }
        return -1;
    }
}
