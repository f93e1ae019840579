package io.switchboard.server.sip.presence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live subscriptions, by dialog (to match refreshes) and by presentity (to fan out a change
 * without scanning everyone). In memory: watchers re-subscribe after a restart. Thread-safe.
 */
public final class SubscriptionRegistry {

    private final Map<String, Subscription> byDialog = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byPresentity = new ConcurrentHashMap<>();

    public void add(Subscription subscription) {
        byDialog.put(subscription.key(), subscription);
        byPresentity.computeIfAbsent(subscription.presentity(), p -> ConcurrentHashMap.newKeySet()).add(subscription);
    }

    public Optional<Subscription> find(String callId, String localTag) {
        return Optional.ofNullable(byDialog.get(Subscription.key(callId, localTag)));
    }

    /** False when it was already gone (so only one caller announces its end). */
    public boolean remove(Subscription subscription) {
        if (!byDialog.remove(subscription.key(), subscription)) {
            return false;
        }
        byPresentity.computeIfPresent(subscription.presentity(), (p, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
        return true;
    }

    public List<Subscription> of(String presentity, EventPackage eventPackage) {
        Set<Subscription> mine = byPresentity.get(presentity);
        if (mine == null) {
            return List.of();
        }
        return mine.stream().filter(s -> s.eventPackage() == eventPackage).toList();
    }

    public List<Subscription> all() {
        return List.copyOf(byDialog.values());
    }
}
