package io.switchboard.sip.auth;

import java.util.Objects;

/** A user's name and password as the client answers digest challenges with them. Never printed. */
public record DigestCredentials(String username, String password) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public Ha1 ha1(DigestAlgorithm algorithm, String realm) {
        return Ha1.compute(algorithm, username, realm, password);
    }

    @Override
    public String toString() {
        return "DigestCredentials[" + username + ", ****]";
    }
}
