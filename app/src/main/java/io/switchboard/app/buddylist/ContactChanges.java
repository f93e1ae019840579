package io.switchboard.app.buddylist;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.Presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coalesces buddy-list events between two UI pulses. The session's event thread offers
 * changes; the UI thread drains them in one go. Only the latest state per contact is kept,
 * so a burst (2,000 roster items at sign-in, both a contact update and a presence change for
 * one stanza) costs one update per contact, and the UI is asked to drain once per burst.
 */
final class ContactChanges {

    /** What happened to one contact since the last drain. */
    sealed interface Change permits Upsert, PresenceOnly, Removal {
        Address address();
    }

    record Upsert(Contact contact) implements Change {
        @Override
        public Address address() {
            return contact.address();
        }
    }

    record PresenceOnly(Address address, Presence presence) implements Change {
    }

    record Removal(Address address) implements Change {
    }

    /**
     * Drained changes. {@code keep} is non-null after a snapshot: every contact not in it is
     * gone. {@code more} says changes are left for another drain.
     */
    record Batch(Set<Address> keep, List<Change> changes, boolean more) {
        boolean reset() {
            return keep != null;
        }
    }

    private final Map<Address, Change> pending = new LinkedHashMap<>();
    private boolean reset;
    private boolean drainScheduled;

    /** @return true when the caller must schedule a drain (the first change since the last one) */
    synchronized boolean offer(Change change) {
        Change before = pending.get(change.address());
        pending.put(change.address(), merge(before, change));
        return schedule();
    }

    /**
     * Replaces everything pending by a full snapshot. Callers read the snapshot while holding
     * this object's lock ({@link #lock()}), so no event can slip in between reading and
     * offering it: events queued before are older than the snapshot and are dropped, events
     * queued after are newer and win.
     */
    synchronized boolean offerSnapshot(Collection<Contact> contacts) {
        pending.clear();
        reset = true;
        for (Contact c : contacts) {
            pending.put(c.address(), new Upsert(c));
        }
        return schedule();
    }

    Object lock() {
        return this;
    }

    /**
     * Takes at most {@code max} changes, oldest first. While some are left the drain stays
     * scheduled: the caller must drain again (in a later UI task) instead of new events
     * scheduling one.
     */
    synchronized Batch drain(int max) {
        Set<Address> keep = reset ? Set.copyOf(pending.keySet()) : null;
        List<Change> taken = new ArrayList<>(Math.min(max, pending.size()));
        Iterator<Change> it = pending.values().iterator();
        while (it.hasNext() && taken.size() < max) {
            taken.add(it.next());
            it.remove();
        }
        reset = false;
        drainScheduled = !pending.isEmpty();
        return new Batch(keep, taken, drainScheduled);
    }

    private boolean schedule() {
        if (drainScheduled) {
            return false;
        }
        drainScheduled = true;
        return true;
    }

    private static Change merge(Change before, Change now) {
        if (now instanceof PresenceOnly p) {
            if (before instanceof Upsert u) {
                return new Upsert(u.contact().withPresence(p.presence()));
            }
            if (before instanceof Removal) {
                return before;   // presence of someone no longer in the list
            }
        }
        return now;
    }
}
