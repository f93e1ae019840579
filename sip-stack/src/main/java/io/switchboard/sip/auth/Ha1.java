package io.switchboard.sip.auth;

import java.util.Objects;

/**
 * The stored digest credential of one user in one realm for one algorithm:
 * {@code H(username ":" realm ":" password)}. A server can keep this instead of the password; it is
 * still password-equivalent for that realm, so it is never printed.
 */
public record Ha1(String username, String realm, DigestAlgorithm algorithm, String hex) {

    public Ha1 {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
    }

    public static Ha1 compute(DigestAlgorithm algorithm, String username, String realm, String password) {
        return new Ha1(username, realm, algorithm, algorithm.hex(username + ":" + realm + ":" + password));
    }

    @Override
    public String toString() {
        return "Ha1[" + username + "@" + realm + ", " + algorithm.token() + ", ****]";
    }
}
