package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Presence;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfDocument;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link PresenceView} of the presence engine: the PIDF of a user's composed presence, built
 * once per state and presentity URI, not once per watcher. When a presentity with 1,000 watchers
 * changes, every NOTIFY carries the same document; building it 1,000 times was part of the
 * fan-out's cost (docs/benchmarks.md, 2026-12-03). The engine replaces its composed presence
 * object on every change, so the document is kept while the engine still returns the very object
 * it was built from. {@link Notifier} writes the bytes of one document once as well.
 *
 * <p>Bounded: past {@link #MAX_ENTRIES} (user, URI) pairs it starts over. Thread-safe.
 */
public final class ComposedPresenceView implements PresenceView {

    static final int MAX_ENTRIES = 50_000;

    private final PresenceEngine engine;
    private final PidfAvailabilityMapping mapping;
    private final String domain;
    private final Clock clock;
    private final ConcurrentMap<Key, Built> built = new ConcurrentHashMap<>();

    public ComposedPresenceView(PresenceEngine engine, PidfAvailabilityMapping mapping, String domain, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PidfDocument current(String presentity, String entity) {
        Presence composed = engine.composedPresence(Address.of(presentity, domain));
        Key key = new Key(presentity, entity);
        Built last = built.get(key);
        if (last != null && last.from == composed) {
            return last.document;
        }
        PidfDocument document = mapping.toPidf(entity, composed, clock.instant());
        if (built.size() >= MAX_ENTRIES) {
            built.clear();
        }
        built.put(key, new Built(composed, document));
        return document;
    }

    private record Key(String presentity, String entity) {
    }

    private record Built(Presence from, PidfDocument document) {
    }
}
