package io.switchboard.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link OfflineMessageStore} that remembers which owners had nothing stored, so the check
 * made on every SIP REGISTER (and XMPP login) — "anything to deliver?" — is answered from memory
 * for the usual answer, no. Under REGISTER load that database query was a tenth of the server's
 * time (docs/benchmarks.md, 2026-12-03).
 *
 * <p>An owner's "empty" is valid only while no message has been stored since the read that saw
 * it: every {@link #store} bumps one counter before and after it writes, and an entry carries the
 * counter read before its fetch. A store racing with the fetch therefore always invalidates the entry;
 * being global, the counter also needs no agreement with the database on how names are
 * normalised. Bounded: past {@link #MAX_ENTRIES} owners the memory starts over. Thread-safe.
 */
public final class OfflineEmptinessCachingStore implements OfflineMessageStore {

    static final int MAX_ENTRIES = 200_000;

    private final OfflineMessageStore delegate;
    private final AtomicLong stores = new AtomicLong();
    /** owner → the value of {@link #stores} read before the fetch that found nothing. */
    private final ConcurrentMap<String, Long> empty = new ConcurrentHashMap<>();

    public OfflineEmptinessCachingStore(OfflineMessageStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public boolean store(String owner, String stanzaXml, Instant receivedAt) throws StoreException {
        // before: a fetch that reads the counter after this point cannot trust an older "empty";
        // after: nor can one whose database read overlapped the commit
        stores.incrementAndGet();
        try {
            return delegate.store(owner, stanzaXml, receivedAt);
        } finally {
            stores.incrementAndGet();
        }
    }

    @Override
    public List<OfflineMessage> fetch(String owner) throws StoreException {
        long before = stores.get();
        if (knownEmpty(owner, before)) {
            return List.of();
        }
        List<OfflineMessage> messages = delegate.fetch(owner);
        if (messages.isEmpty()) {
            rememberEmpty(owner, before);
        }
        return messages;
    }

    @Override
    public void delete(String owner, List<Long> ids) throws StoreException {
        delegate.delete(owner, ids);
    }

    @Override
    public int count(String owner) throws StoreException {
        long before = stores.get();
        if (knownEmpty(owner, before)) {
            return 0;
        }
        int count = delegate.count(owner);
        if (count == 0) {
            rememberEmpty(owner, before);
        }
        return count;
    }

    private boolean knownEmpty(String owner, long now) {
        Long seen = owner == null ? null : empty.get(owner);
        return seen != null && seen == now;
    }

    private void rememberEmpty(String owner, long readBefore) {
        if (owner == null) {
            return;
        }
        if (empty.size() >= MAX_ENTRIES) {
            empty.clear();
        }
        empty.put(owner, readBefore);
    }
}
