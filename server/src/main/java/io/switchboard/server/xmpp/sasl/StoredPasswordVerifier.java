package io.switchboard.server.xmpp.sasl;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a password against the SCRAM-SHA-256 credential the server stores. Unknown users are
 * checked against a stand-in credential, so the answer takes as long as for a wrong password.
 */
public final class StoredPasswordVerifier implements PasswordVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(StoredPasswordVerifier.class);

    private final CredentialLookup credentials;

    public StoredPasswordVerifier(CredentialLookup credentials) {
        this.credentials = credentials;
    }

    @Override
    public Verdict verify(String username, char[] password) {
        try {
            Optional<ScramCredential> stored = credentials.find(username, ScramHash.SHA_256);
            ScramCredential credential = stored.orElseGet(() -> credentials.standIn(username, ScramHash.SHA_256));
            return credential.matches(password) && stored.isPresent() ? Verdict.ACCEPTED : Verdict.REFUSED;
        } catch (StoreException e) {
            LOG.warn("credential lookup failed", e);
            return Verdict.UNAVAILABLE;
        }
    }
}
