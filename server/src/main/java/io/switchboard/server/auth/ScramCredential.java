package io.switchboard.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server stores instead of a password (RFC 5802 §3): salt, iteration count,
 * StoredKey and ServerKey for one hash. Enough to verify SCRAM and PLAIN; useless to
 * impersonate the user at another service.
 */
public record ScramCredential(ScramHash hash, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    public static final int DEFAULT_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramCredential {
        Objects.requireNonNull(hash, "hash");
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
    }

    /** Derives a credential from a password with a fresh random salt. */
    public static ScramCredential create(ScramHash hash, char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return derive(hash, password, salt, iterations);
    }

    /** RFC 5802: SaltedPassword = Hi(password, salt, i); StoredKey = H(HMAC(SaltedPassword, "Client Key")). */
    public static ScramCredential derive(ScramHash hash, char[] password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(hash, password, salt, iterations);
        byte[] clientKey = hmac(hash, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = digest(hash, clientKey);
        byte[] serverKey = hmac(hash, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(salted, (byte) 0);
        return new ScramCredential(hash, salt, iterations, storedKey, serverKey);
    }

    /** True when {@code password} is the one this credential was derived from (used for SASL PLAIN). */
    public boolean matches(char[] password) {
        ScramCredential other = derive(hash, password, salt, iterations);
        return MessageDigest.isEqual(other.storedKey, storedKey);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    public static byte[] saltedPassword(ScramHash hash, char[] password, byte[] salt, int iterations) {
        try {
            // SASLprep is the identity for the ASCII and common Unicode passwords we accept;
            // PBKDF2 with HMAC-H is exactly Hi() of RFC 5802.
            SecretKeyFactory f = SecretKeyFactory.getInstance(hash.pbkdf2Algorithm());
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, hash.length() * 8);
            try {
                return f.generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + hash.pbkdf2Algorithm(), e);
        }
    }

    public static byte[] hmac(ScramHash hash, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hash.hmacAlgorithm());
            mac.init(new SecretKeySpec(key, hash.hmacAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + hash.hmacAlgorithm(), e);
        }
    }

    public static byte[] digest(ScramHash hash, byte[] data) {
        try {
            return MessageDigest.getInstance(hash.digestAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + hash.digestAlgorithm(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredential c && c.hash == hash && c.iterations == iterations
                && Arrays.equals(c.salt, salt) && Arrays.equals(c.storedKey, storedKey)
                && Arrays.equals(c.serverKey, serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hash, iterations, Arrays.hashCode(salt), Arrays.hashCode(storedKey));
    }

    @Override
    public String toString() {
        return "ScramCredential[" + hash + ", i=" + iterations + "]";
    }
}
