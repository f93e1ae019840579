package io.switchboard.server.store;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link UserStore} that keeps the SIP digest HA1s it has read, and which users exist, in
 * memory. Every SIP request a registrar or proxy authenticates needs its user's HA1; reading it
 * from the database each time was the largest single cost of a REGISTER (the 2026-12-03
 * profile in docs/benchmarks.md), where Kamailio keeps its subscriber table in shared memory.
 *
 * <p>Correctness rests on two facts: the embedded database is opened by this process alone (an
 * H2 file without AUTO_SERVER, so no other process changes a password while the server runs),
 * and every in-process change goes through this decorator, which forgets everything on any
 * {@link #create}, {@link #setPassword}, {@link #removeCredentials} or {@link #delete} — changes are admin actions, rare
 * enough that a full flush costs nothing, and a flush cannot miss a spelling of a user name the
 * way a per-key invalidation could.
 *
 * <p>Only what exists is cached (a present HA1, an existing user): names that do not exist
 * always go to the store, so a client spraying random user names cannot fill the memory; the
 * cache is bounded by the number of users (per realm and algorithm) and, as a guard against
 * spellings of one name, by {@link #MAX_ENTRIES}, past which it starts over. Thread-safe.
 */
public final class CredentialCachingUserStore implements UserStore {

    static final int MAX_ENTRIES = 200_000;

    private final UserStore delegate;
    private final ConcurrentMap<DigestKey, Ha1> digests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> existing = new ConcurrentHashMap<>();
    /** Bumped by every write: a read that started before it must not fill the cache. */
    private volatile long generation;

    public CredentialCachingUserStore(UserStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void create(String username, char[] password) throws StoreException {
        try {
            delegate.create(username, password);
        } finally {
            forgetAll();
        }
    }

    @Override
    public void setPassword(String username, char[] password) throws StoreException {
        try {
            delegate.setPassword(username, password);
        } finally {
            forgetAll();
        }
    }

    @Override
    public boolean removeCredentials(String username) throws StoreException {
        try {
            return delegate.removeCredentials(username);
        } finally {
            forgetAll();
        }
    }

    @Override
    public boolean delete(String username) throws StoreException {
        try {
            return delegate.delete(username);
        } finally {
            forgetAll();
        }
    }

    @Override
    public boolean exists(String username) throws StoreException {
        if (username != null && existing.containsKey(username)) {
            return true;
        }
        long before = generation;
        boolean exists = delegate.exists(username);
        if (exists) {
            remember(existing, username, Boolean.TRUE, before);
        }
        return exists;
    }

    @Override
    public List<String> list() throws StoreException {
        return delegate.list();
    }

    @Override
    public Optional<ScramCredential> credential(String username, ScramHash hash) throws StoreException {
        return delegate.credential(username, hash);
    }

    @Override
    public Optional<Ha1> digestCredential(String username, String realm, DigestAlgorithm algorithm)
            throws StoreException {
        if (username == null || realm == null || algorithm == null) {
            return delegate.digestCredential(username, realm, algorithm);
        }
        DigestKey key = new DigestKey(username, realm, algorithm);
        Ha1 cached = digests.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation;
        Optional<Ha1> stored = delegate.digestCredential(username, realm, algorithm);
        stored.ifPresent(ha1 -> remember(digests, key, ha1, before));
        return stored;
    }

    /** Number of cached entries (HA1s and existing users), for tests and diagnostics. */
    int size() {
        return digests.size() + existing.size();
    }

    private <K, V> void remember(ConcurrentMap<K, V> cache, K key, V value, long readGeneration) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, value);
        // a write that finished while we read may have flushed before our put: undo it, the next
        // read goes to the store again
        if (generation != readGeneration) {
            cache.remove(key, value);
        }
    }

    private synchronized void forgetAll() {
        generation++;
        digests.clear();
        existing.clear();
    }

    private record DigestKey(String username, String realm, DigestAlgorithm algorithm) {
    }
}
