package io.switchboard.server.xmpp.im;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Just the set of usernames: the IM layer only asks whether an account exists. */
public final class InMemoryUserStore implements UserStore {

    private final Set<String> users = ConcurrentHashMap.newKeySet();

    @Override
    public void create(String username, char[] password) throws StoreException {
        if (!users.add(username)) {
            throw new StoreException("user exists: " + username);
        }
    }

    @Override
    public void setPassword(String username, char[] password) {
    }

    @Override
    public boolean removeCredentials(String username) {
        return users.contains(username);
    }

    @Override
    public boolean delete(String username) {
        return users.remove(username);
    }

    @Override
    public boolean exists(String username) {
        return users.contains(username);
    }

    @Override
    public List<String> list() {
        return users.stream().sorted().toList();
    }

    @Override
    public Optional<ScramCredential> credential(String username, ScramHash hash) {
        return Optional.empty();
    }

    /** No SIP here: the XMPP tests never ask for digest credentials. */
    @Override
    public Optional<io.switchboard.sip.auth.Ha1> digestCredential(String username, String realm,
                                                                  io.switchboard.sip.auth.DigestAlgorithm algorithm) {
        return Optional.empty();
    }
}
