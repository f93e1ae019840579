package io.switchboard.app.buddylist;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.Presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    /** When each pending change was last offered, in {@link #sequence} numbers. */
    private final Map<Address, Long> offeredAt = new HashMap<>();
    private long sequence;
    private boolean reset;
    private boolean drainScheduled;

    /** @return true when the caller must schedule a drain (the first change since the last one) */
    synchronized boolean offer(Change change) {
        Change before = pending.get(change.address());
        pending.put(change.address(), merge(before, change));
        offeredAt.put(change.address(), ++sequence);
        return schedule();
    }

    /**
     * Marks the moment a snapshot is about to be read: changes offered from now on may be
     * newer than the snapshot and survive it ({@link #offerSnapshot}).
     */
    synchronized long beginSnapshot() {
        return sequence;
    }

    /**
     * Replaces what is pending by a full snapshot read after {@link #beginSnapshot()} returned
     * {@code since}. Changes offered before that are older than the snapshot and are dropped;
     * changes offered while it was read may be newer and are applied on top of it (re-applying
     * one the snapshot already shows is harmless: changes carry state, not deltas). The
     * snapshot is read without holding this lock, so the UI thread never waits for it.
     */
    synchronized boolean offerSnapshot(Collection<Contact> contacts, long since) {
        Map<Address, Change> newer = new LinkedHashMap<>();
        pending.forEach((address, change) -> {
            if (offeredAt.getOrDefault(address, 0L) > since) {
                newer.put(address, change);
            }
        });
        pending.clear();
        offeredAt.clear();
        reset = true;
        for (Contact c : contacts) {
            pending.put(c.address(), new Upsert(c));
        }
        newer.forEach((address, change) -> pending.put(address, merge(pending.get(address), change)));
        return schedule();
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
            Change change = it.next();
            taken.add(change);
            offeredAt.remove(change.address());
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
