package io.switchboard.server.xcap;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;
import java.util.List;
import java.util.Optional;

/** A user store that passes everything to another one; tests override what they need. */
class DelegatingUserStore implements UserStore {

    private final UserStore delegate;

    DelegatingUserStore(UserStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void create(String username, char[] password) throws StoreException {
        delegate.create(username, password);
    }

    @Override
    public void setPassword(String username, char[] password) throws StoreException {
        delegate.setPassword(username, password);
    }

    @Override
    public boolean removeCredentials(String username) throws StoreException {
        return delegate.removeCredentials(username);
    }

    @Override
    public boolean delete(String username) throws StoreException {
        return delegate.delete(username);
    }

    @Override
    public boolean exists(String username) throws StoreException {
        return delegate.exists(username);
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
        return delegate.digestCredential(username, realm, algorithm);
    }
}
