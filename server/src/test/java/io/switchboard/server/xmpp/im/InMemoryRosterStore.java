package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rosters and pending requests in maps; every method synchronized, like one database. */
public final class InMemoryRosterStore implements RosterStore {

    private final Map<String, Map<Address, RosterItem>> rosters = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new LinkedHashMap<>();
    private final Map<String, Map<Address, String>> pending = new LinkedHashMap<>();

    @Override
    public synchronized List<RosterItem> items(String owner) {
        return List.copyOf(roster(owner).values());
    }

    @Override
    public synchronized Optional<RosterItem> item(String owner, Address contact) {
        return Optional.ofNullable(roster(owner).get(contact));
    }

    @Override
    public synchronized String version(String owner) {
        return String.valueOf(versions.getOrDefault(owner, 0));
    }

    @Override
    public synchronized String put(String owner, RosterItem item) {
        roster(owner).put(item.contact(), item);
        return bump(owner);
    }

    @Override
    public synchronized String remove(String owner, Address contact) {
        return roster(owner).remove(contact) == null ? version(owner) : bump(owner);
    }

    @Override
    public synchronized List<String> ownersWithContact(Address contact) {
        List<String> out = new ArrayList<>();
        rosters.forEach((owner, items) -> {
            if (items.containsKey(contact)) {
                out.add(owner);
            }
        });
        return out;
    }

    @Override
    public synchronized void addPendingIn(String owner, Address from, String stanzaXml) {
        pending.computeIfAbsent(owner, k -> new LinkedHashMap<>()).put(from, stanzaXml);
    }

    @Override
    public synchronized void removePendingIn(String owner, Address from) {
        pending.getOrDefault(owner, Map.of()).remove(from);
    }

    @Override
    public synchronized List<PendingSubscription> pendingIn(String owner) {
        List<PendingSubscription> out = new ArrayList<>();
        pending.getOrDefault(owner, Map.of()).forEach((from, xml) -> out.add(new PendingSubscription(from, xml)));
        return out;
    }

    private Map<Address, RosterItem> roster(String owner) {
        return rosters.computeIfAbsent(owner, k -> new LinkedHashMap<>());
    }

    private String bump(String owner) {
        return String.valueOf(versions.merge(owner, 1, Integer::sum));
    }
}
