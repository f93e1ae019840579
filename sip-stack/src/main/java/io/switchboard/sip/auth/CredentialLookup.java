package io.switchboard.sip.auth;

import java.util.Optional;

/**
 * Where a {@link DigestVerifier} finds a user's stored {@link Ha1}: the server's user store, or
 * a password computed on demand. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialLookup {

    /** The stored credential, or empty for an unknown user or an algorithm with nothing stored. */
    Optional<Ha1> find(String username, String realm, DigestAlgorithm algorithm);

    /** One user whose password is known in clear (tests, demo accounts). */
    static CredentialLookup ofPassword(String username, String password) {
        return (user, realm, algorithm) -> user.equals(username)
                ? Optional.of(Ha1.compute(algorithm, username, realm, password))
                : Optional.empty();
    }
}
