package io.switchboard.server.store;

import io.switchboard.core.model.Address;

import java.util.List;
import java.util.Optional;

/**
 * Rosters with versioning (RFC 6121 §2.6), and pending inbound subscription requests, which
 * RFC 6121 §3.1.3 keeps apart from the roster so they survive until the user answers, also
 * across sign-outs and restarts.
 */
public interface RosterStore {

    List<RosterItem> items(String owner) throws StoreException;

    Optional<RosterItem> item(String owner, Address contact) throws StoreException;

    /** Current roster version of the owner; changes on every put/remove. */
    String version(String owner) throws StoreException;

    /** Inserts or replaces an item; returns the new roster version. */
    String put(String owner, RosterItem item) throws StoreException;

    /** Removes an item; returns the new roster version (unchanged if there was none). */
    String remove(String owner, Address contact) throws StoreException;

    /** Every owner who has {@code contact} on their roster (for presence fan-out and probes). */
    List<String> ownersWithContact(Address contact) throws StoreException;

    /** Remembers an inbound request from {@code from} to {@code owner}, with its stanza for redelivery. */
    void addPendingIn(String owner, Address from, String stanzaXml) throws StoreException;

    void removePendingIn(String owner, Address from) throws StoreException;

    /** The stored request stanzas, oldest first. */
    List<PendingSubscription> pendingIn(String owner) throws StoreException;

    record PendingSubscription(Address from, String stanzaXml) {
    }
}
