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
    private final Map<EventPackage, Integer> packageLimits;
    private final Map<String, Subscription> byDialog = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byPresentity = new ConcurrentHashMap<>();
    private final Map<Address, Integer> perWatcher = new ConcurrentHashMap<>();
    private final Map<String, Integer> perWatcherAndPackage = new ConcurrentHashMap<>();

    public SubscriptionRegistry() {
        this(DEFAULT_MAX_PER_WATCHER);
    }

    public SubscriptionRegistry(int maxPerWatcher) {
        this(maxPerWatcher, Map.of());
    }

    /**
     * @param packageLimits a tighter bound per watcher for some packages (dialog: each subscription
     *                      costs a NOTIFY per call of the line watched, not per status change)
     */
    public SubscriptionRegistry(int maxPerWatcher, Map<EventPackage, Integer> packageLimits) {
        this.maxPerWatcher = maxPerWatcher;
        this.packageLimits = Map.copyOf(packageLimits);
    }

    /** @throws LimitExceededException when the watcher already holds the most subscriptions allowed */
    public void add(Subscription subscription) throws LimitExceededException {
        Integer packageLimit = packageLimits.get(subscription.eventPackage());
        if (packageLimit != null && !take(perWatcherAndPackage, packageKey(subscription), packageLimit)) {
            throw new LimitExceededException("Too many " + subscription.eventPackage().token()
                    + " subscriptions (at most " + packageLimit + ")");
        }
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
            if (packageLimit != null) {
                release(perWatcherAndPackage, packageKey(subscription));
            }
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
        if (packageLimits.containsKey(subscription.eventPackage())) {
            release(perWatcherAndPackage, packageKey(subscription));
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

    private static String packageKey(Subscription subscription) {
        return subscription.watcher() + "\n" + subscription.eventPackage().token();
    }

    /** Counts one more under {@code key}; false (and nothing counted) when the limit is reached. */
    private static boolean take(Map<String, Integer> counts, String key, int limit) {
        boolean[] taken = new boolean[1];
        counts.compute(key, (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limit) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    private static void release(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
}
