package io.switchboard.server.xmpp.sasl;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Credentials that stand in for users that do not exist, so that a SCRAM exchange for an unknown
 * user looks like one for a known user with a wrong password (RFC 5802 §9): the salt is derived
 * from the username with a secret, so the same name always gets the same salt, and no key ever matches.
 *
 * <p>The secret lives as long as this object (one server run). Thread-safe.
 */
public final class UnknownUserCredentials {

    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    public UnknownUserCredentials(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** A credential with a fresh random secret. */
    public static UnknownUserCredentials withRandomSecret() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return new UnknownUserCredentials(s);
    }

    public ScramCredential forUser(String username, ScramHash hash) {
        byte[] mac = ScramCredential.hmac(ScramHash.SHA_256, secret,
                (hash.mechanism() + '\0' + username).getBytes(StandardCharsets.UTF_8));
        byte[] salt = Arrays.copyOf(mac, 16);
        byte[] storedKey = new byte[hash.length()];
        byte[] serverKey = new byte[hash.length()];
        random.nextBytes(storedKey);
        random.nextBytes(serverKey);
        return new ScramCredential(hash, salt, ScramCredential.DEFAULT_ITERATIONS, storedKey, serverKey);
    }
}
