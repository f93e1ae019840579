package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.sip.LimitExceededException;

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

    /** Enough for a buddy list of thousands (the desktop client is benchmarked with 2,000). */
    public static final int DEFAULT_MAX_PER_WATCHER = 5_000;

    private final int maxPerWatcher;
    private final Map<String, Subscription> byDialog = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byPresentity = new ConcurrentHashMap<>();
    private final Map<Address, Integer> perWatcher = new ConcurrentHashMap<>();

    public SubscriptionRegistry() {
        this(DEFAULT_MAX_PER_WATCHER);
    }

    public SubscriptionRegistry(int maxPerWatcher) {
        this.maxPerWatcher = maxPerWatcher;
    }

    /** @throws LimitExceededException when the watcher already holds the most subscriptions allowed */
    public void add(Subscription subscription) throws LimitExceededException {
        boolean[] full = new boolean[1];
        perWatcher.compute(subscription.watcher(), (w, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxPerWatcher) {
                full[0] = true;
                return n;
            }
            return count + 1;
        });
        if (full[0]) {
            throw new LimitExceededException("Too many subscriptions (at most " + maxPerWatcher + ")");
        }
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
        perWatcher.computeIfPresent(subscription.watcher(), (w, n) -> n <= 1 ? null : n - 1);
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
