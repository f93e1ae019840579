package io.switchboard.server.sip.registrar;

import io.switchboard.server.sip.LimitExceededException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The location service (RFC 3261 §10): the registered contacts of every local user, in memory
 * (a restarted server loses them and phones register again, as with Kamailio's usrloc without a
 * database). Expired bindings are invisible at once and removed by {@link #purgeExpired()}.
 * Changes to one user's bindings are atomic; listeners hear about every change (the presence
 * side uses registrations as a source). Thread-safe.
 */
public final class LocationService {

    private static final Comparator<Binding> PREFERENCE = Comparator.comparingDouble(Binding::q).reversed()
            .thenComparing(Binding::expiresAt, Comparator.reverseOrder());

    /** Kamailio's usrloc calls this max_contacts; a phone, a softphone and a few spares fit. */
    public static final int DEFAULT_MAX_BINDINGS_PER_USER = 10;

    private final Clock clock;
    private final int maxBindingsPerUser;
    /** user → contact URI → binding; a user's inner map is only touched inside compute(). */
    private final Map<String, Map<String, Binding>> bindings = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, List<Binding>>> listeners = new CopyOnWriteArrayList<>();

    public LocationService(Clock clock) {
        this(clock, DEFAULT_MAX_BINDINGS_PER_USER);
    }

    public LocationService(Clock clock, int maxBindingsPerUser) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxBindingsPerUser = maxBindingsPerUser;
    }

    /** Called with the user and their bindings after each change (also when the last one goes). */
    public void addListener(BiConsumer<String, List<Binding>> listener) {
        listeners.add(listener);
    }

    /** The user's current bindings, most preferred (highest q) first. */
    public List<Binding> bindings(String user) {
        Instant now = clock.instant();
        Map<String, Binding> mine = bindings.get(user);
        if (mine == null) {
            return List.of();
        }
        synchronized (mine) {
            return current(mine, now);
        }
    }

    /** Called holding {@code mine}'s lock. */
    private static List<Binding> current(Map<String, Binding> mine, Instant now) {
        return mine.values().stream().filter(b -> !b.expired(now)).sorted(PREFERENCE).toList();
    }

    /**
     * Applies the Contacts of one REGISTER atomically (RFC 3261 §10.3 step 7) and returns the
     * bindings afterwards.
     *
     * <p>A change with the Call-ID and the CSeq of the existing binding it names is that binding's
     * own REGISTER again — a retransmission, which the registrar sees because it answers without
     * a server transaction: nothing changes, listeners hear nothing, and the current bindings are
     * returned so that it gets the 200 the first one got (its Expires counted from the first).
     *
     * @throws OutOfOrderRegistrationException when a change has the Call-ID of an existing binding
     *                                         and a lower CSeq; nothing is changed then
     * @throws LimitExceededException          when the user would have more bindings than allowed
     */
    public List<Binding> update(String user, String callId, long cseq, List<BindingChange> changes)
            throws OutOfOrderRegistrationException, LimitExceededException {
        Instant now = clock.instant();
        Map<String, Binding> mine = bindings.computeIfAbsent(user, u -> new LinkedHashMap<>());
        synchronized (mine) {
            mine.values().removeIf(b -> b.expired(now));
            boolean retransmission = false;
            for (BindingChange change : changes) {
                Binding existing = mine.get(change.contactUri());
                if (existing != null && existing.callId().equals(callId)) {
                    if (cseq < existing.cseq()) {
                        throw new OutOfOrderRegistrationException(change.contactUri());
                    }
                    retransmission |= cseq == existing.cseq();
                }
            }
            if (retransmission) {
                return current(mine, now);
            }
            java.util.Set<String> after = new java.util.HashSet<>(mine.keySet());
            for (BindingChange change : changes) {
                if (change.expiresSeconds() == 0) {
                    after.remove(change.contactUri());
                } else {
                    after.add(change.contactUri());
                }
            }
            if (after.size() > maxBindingsPerUser) {
                throw new LimitExceededException("Too many registered contacts (at most " + maxBindingsPerUser + ")");
            }
            for (BindingChange change : changes) {
                if (change.expiresSeconds() == 0) {
                    mine.remove(change.contactUri());
                } else {
                    mine.put(change.contactUri(), new Binding(change.contactUri(), change.q(),
                            now.plusSeconds(change.expiresSeconds()), callId, cseq));
                }
            }
        }
        List<Binding> after = bindings(user);
        fire(user, after);
        return after;
    }

    /**
     * Removes every binding of the user (Contact: * with Expires: 0), except that a binding of the
     * same Call-ID with a CSeq not below this request's stays, as RFC 3261 §10.3 step 6 says.
     */
    public List<Binding> removeAll(String user, String callId, long cseq) {
        Map<String, Binding> mine = bindings.get(user);
        if (mine != null) {
            synchronized (mine) {
                mine.values().removeIf(b -> !b.callId().equals(callId) || b.cseq() < cseq);
            }
        }
        List<Binding> after = bindings(user);
        fire(user, after);
        return after;
    }

    /** Drops expired bindings and tells listeners whose registrations ended. */
    public void purgeExpired() {
        Instant now = clock.instant();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Binding>> entry : bindings.entrySet()) {
            Map<String, Binding> mine = entry.getValue();
            synchronized (mine) {
                if (mine.values().removeIf(b -> b.expired(now))) {
                    changed.add(entry.getKey());
                }
            }
        }
        for (String user : changed) {
            fire(user, bindings(user));
        }
    }

    private void fire(String user, List<Binding> now) {
        for (BiConsumer<String, List<Binding>> listener : listeners) {
            listener.accept(user, now);
        }
    }
}
