package io.switchboard.server.xmpp.sasl;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;

import java.util.Optional;

/**
 * Finds the stored credential for a SASL authentication identity of our domain. Blocking (JDBC):
 * called on authentication workers only.
 */
public final class CredentialLookup {

    private final UserStore users;
    private final String domain;
    private final UnknownUserCredentials unknownUsers;

    public CredentialLookup(UserStore users, String domain, UnknownUserCredentials unknownUsers) {
        this.users = users;
        this.domain = domain;
        this.unknownUsers = unknownUsers;
    }

    /** Our domain, to accept an authzid of {@code user@domain}. */
    public String domain() {
        return domain;
    }

    /**
     * The normalised local part for a SASL username, or empty when it cannot name a user of ours.
     * (Full SASLprep / PRECIS is not applied; {@link Address} normalisation is.)
     */
    public Optional<String> normalise(String username) {
        try {
            return Optional.of(Address.of(username, domain).local());
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    /** The user's credential, or empty when the user does not exist. */
    public Optional<ScramCredential> find(String normalisedUsername, ScramHash hash) throws StoreException {
        return users.credential(normalisedUsername, hash);
    }

    /** A stand-in that behaves like a real credential with an unknown password. */
    public ScramCredential standIn(String username, ScramHash hash) {
        return unknownUsers.forUser(username, hash);
    }
}
