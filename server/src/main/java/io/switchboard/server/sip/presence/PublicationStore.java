package io.switchboard.server.sip.presence;

import io.switchboard.server.sip.LimitExceededException;

import io.switchboard.sip.presence.pidf.BasicStatus;
import io.switchboard.sip.presence.pidf.PidfDevice;
import io.switchboard.sip.presence.pidf.PidfDocument;
import io.switchboard.sip.presence.pidf.PidfNote;
import io.switchboard.sip.presence.pidf.PidfPerson;
import io.switchboard.sip.presence.pidf.PidfTuple;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The event state compositor's store (RFC 3903 §4): every presentity's live publications, each
 * under an entity tag that changes with every refresh or modification (so a stale SIP-If-Match
 * fails with 412), and the composite document watchers are told. Every change and every expiry
 * is reported to the listeners with the presentity's user name. In memory: publishers refresh.
 * Thread-safe.
 */
public final class PublicationStore {

    /** Publishers per user: a phone, a softphone, a desktop client, a calendar, with room to spare. */
    public static final int DEFAULT_MAX_PER_USER = 16;

    private final Clock clock;
    private final int maxPerUser;
    private final SecureRandom random = new SecureRandom();
    /** user → entity tag → publication; inner maps are guarded by themselves. */
    private final Map<String, Map<String, Publication>> publications = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public PublicationStore(Clock clock) {
        this(clock, DEFAULT_MAX_PER_USER);
    }

    public PublicationStore(Clock clock, int maxPerUser) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPerUser = maxPerUser;
    }

    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * A new publication (no SIP-If-Match); returns its entity tag.
     *
     * @throws LimitExceededException when the user already has the most live publications allowed
     */
    public String publish(String user, PidfDocument document, long expiresSeconds) throws LimitExceededException {
        String tag = newTag();
        Map<String, Publication> mine = publications.computeIfAbsent(user, u -> new LinkedHashMap<>());
        synchronized (mine) {
            Instant now = clock.instant();
            mine.values().removeIf(p -> p.expired(now));
            if (mine.size() >= maxPerUser) {
                throw new LimitExceededException("Too many publications (at most " + maxPerUser + ")");
            }
            mine.put(tag, new Publication(tag, document, now.plusSeconds(expiresSeconds)));
        }
        fire(user);
        return tag;
    }

    /**
     * Refreshes ({@code document} null) or modifies the publication {@code entityTag}; returns its
     * new entity tag, or empty when there is no such live publication (412).
     */
    public Optional<String> update(String user, String entityTag, PidfDocument document, long expiresSeconds) {
        Map<String, Publication> mine = publications.get(user);
        if (mine == null) {
            return Optional.empty();
        }
        String tag = newTag();
        synchronized (mine) {
            Publication old = mine.get(entityTag);
            if (old == null || old.expired(clock.instant())) {
                return Optional.empty();
            }
            mine.remove(entityTag);
            mine.put(tag, new Publication(tag, document == null ? old.document() : document,
                    clock.instant().plusSeconds(expiresSeconds)));
        }
        if (document != null) {
            fire(user);
        }
        return Optional.of(tag);
    }

    /** Removes a publication (Expires: 0); false when there was none (412). */
    public boolean remove(String user, String entityTag) {
        Map<String, Publication> mine = publications.get(user);
        if (mine == null) {
            return false;
        }
        boolean removed;
        synchronized (mine) {
            Publication old = mine.remove(entityTag);
            removed = old != null && !old.expired(clock.instant());
        }
        if (removed) {
            fire(user);
        }
        return removed;
    }

    /** The live publications of a user, oldest first. */
    public List<Publication> publications(String user) {
        Map<String, Publication> mine = publications.get(user);
        if (mine == null) {
            return List.of();
        }
        Instant now = clock.instant();
        synchronized (mine) {
            return mine.values().stream().filter(p -> !p.expired(now)).toList();
        }
    }

    /**
     * The composite state (RFC 3903 §4 leaves the policy to the compositor): the union of every
     * live publication's tuples, persons, devices and notes, newest publication first so its
     * person element leads; a tuple id used twice is kept once (the newest). With no publication,
     * one closed tuple: the presentity is offline as far as SIP knows.
     */
    public PidfDocument composite(String user, String entity) {
        List<Publication> live = new ArrayList<>(publications(user));
        if (live.isEmpty()) {
            return new PidfDocument(entity, List.of(new PidfTuple("offline", BasicStatus.CLOSED, null, null,
                    List.of(), null)), List.of(), List.of(), List.of());
        }
        live.sort(Comparator.comparing(Publication::expiresAt).reversed());
        List<PidfTuple> tuples = new ArrayList<>();
        List<PidfPerson> persons = new ArrayList<>();
        List<PidfDevice> devices = new ArrayList<>();
        List<PidfNote> notes = new ArrayList<>();
        Set<String> tupleIds = new HashSet<>();
        for (Publication publication : live) {
            PidfDocument document = publication.document();
            for (PidfTuple tuple : document.tuples()) {
                if (tupleIds.add(tuple.id())) {
                    tuples.add(tuple);
                }
            }
            persons.addAll(document.persons());
            devices.addAll(document.devices());
            notes.addAll(document.notes());
        }
        return new PidfDocument(entity, tuples, persons, devices, notes);
    }

    /** Drops expired publications and reports whose state changed. */
    public void purgeExpired() {
        Instant now = clock.instant();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Publication>> entry : publications.entrySet()) {
            Map<String, Publication> mine = entry.getValue();
            synchronized (mine) {
                if (mine.values().removeIf(p -> p.expired(now))) {
                    changed.add(entry.getKey());
                }
            }
        }
        changed.forEach(this::fire);
    }

    private String newTag() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void fire(String user) {
        for (Consumer<String> listener : listeners) {
            listener.accept(user);
        }
    }
}
