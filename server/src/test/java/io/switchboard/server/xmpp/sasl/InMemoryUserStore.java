package io.switchboard.server.xmpp.sasl;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double for the JDBC store: users in a map; records on which threads it was called. */
public final class InMemoryUserStore implements UserStore {

    private final Map<String, Map<ScramHash, ScramCredential>> users = new ConcurrentHashMap<>();
    private final AtomicInteger callsOnEventLoop = new AtomicInteger();

    public void put(String username, ScramCredential credential) {
        users.computeIfAbsent(username, u -> new ConcurrentHashMap<>()).put(credential.hash(), credential);
    }

    /** Lookups made on a Netty event-loop thread; must stay 0 (JDBC would block the loop). */
    public int callsOnEventLoop() {
        return callsOnEventLoop.get();
    }

    @Override
    public void create(String username, char[] password) throws StoreException {
        if (users.containsKey(username)) {
            throw new StoreException("exists: " + username);
        }
        setPassword(username, password);
    }

    @Override
    public void setPassword(String username, char[] password) {
        for (ScramHash h : ScramHash.values()) {
            // few iterations: tests log in hundreds of times on a 2-core machine
            put(username, ScramCredential.create(h, password, 512));
        }
    }

    @Override
    public boolean removeCredentials(String username) {
        Map<ScramHash, ScramCredential> credentials = users.get(username);
        if (credentials == null) {
            return false;
        }
        credentials.clear();
        return true;
    }

    @Override
    public boolean delete(String username) {
        return users.remove(username) != null;
    }

    @Override
    public boolean exists(String username) {
        return users.containsKey(username);
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(users.keySet());
    }

    @Override
    public Optional<ScramCredential> credential(String username, ScramHash hash) {
        if (Thread.currentThread() instanceof io.netty.util.concurrent.FastThreadLocalThread) {
            callsOnEventLoop.incrementAndGet();
        }
        return Optional.ofNullable(users.getOrDefault(username, Map.of()).get(hash));
    }

    /** No SIP here: the XMPP tests never ask for digest credentials. */
    @Override
    public Optional<io.switchboard.sip.auth.Ha1> digestCredential(String username, String realm,
                                                                  io.switchboard.sip.auth.DigestAlgorithm algorithm) {
        return Optional.empty();
    }
}
