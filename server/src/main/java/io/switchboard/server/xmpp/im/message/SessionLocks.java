package io.switchboard.server.xmpp.im.message;

import io.switchboard.core.model.Address;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat session locking (RFC 6121 §5.1, XEP-0296): once a recipient answers a sender from one
 * resource, messages from that sender to the recipient's bare JID go to that resource only
 * instead of being forked to all. The lock ends when that resource changes presence or goes
 * unavailable, or after {@code timeout} without a reply. Thread-safe.
 */
public final class SessionLocks {

    private final Map<Address, Map<Address, Lock>> byRecipient = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeout;

    public SessionLocks(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** {@code recipient} replied to {@code sender} from {@code resource}. */
    public void lock(Address sender, Address recipient, String resource) {
        byRecipient.computeIfAbsent(recipient, k -> new ConcurrentHashMap<>())
                .put(sender, new Lock(resource, clock.instant()));
    }

    /** The resource messages from {@code sender} to {@code recipient}'s bare JID are locked to. */
    public Optional<String> lockedResource(Address sender, Address recipient) {
        Map<Address, Lock> locks = byRecipient.get(recipient);
        if (locks == null) {
            return Optional.empty();
        }
        Lock lock = locks.get(sender);
        if (lock == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(lock.since().plus(timeout))) {
            locks.remove(sender, lock);
            return Optional.empty();
        }
        return Optional.of(lock.resource());
    }

    /** The recipient's resource changed presence or left: every lock onto it ends. */
    public void unlockResource(Address recipient, String resource) {
        Map<Address, Lock> locks = byRecipient.get(recipient);
        if (locks != null) {
            locks.values().removeIf(l -> l.resource().equals(resource));
            byRecipient.computeIfPresent(recipient, (k, m) -> m.isEmpty() ? null : m);
        }
    }

    private record Lock(String resource, Instant since) {
    }
}
