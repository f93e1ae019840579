package io.switchboard.media;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One SRTP master key and salt (30 bytes for our suites). Immutable; never printed: its
 * {@code toString} says only that it is redacted, so a key cannot reach a log by accident.
 */
public final class SrtpKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] keyAndSalt;

    private SrtpKey(byte[] keyAndSalt) {
        this.keyAndSalt = keyAndSalt;
    }

    /** A fresh key from {@link SecureRandom}, as RFC 4568 8.1 requires. */
    public static SrtpKey generate() {
        byte[] bytes = new byte[SrtpSuite.KEY_AND_SALT_BYTES];
        RANDOM.nextBytes(bytes);
        return new SrtpKey(bytes);
    }

    /**
     * @throws IllegalArgumentException unless it is 30 bytes
     */
    public static SrtpKey of(byte[] keyAndSalt) {
        if (keyAndSalt.length != SrtpSuite.KEY_AND_SALT_BYTES) {
            throw new IllegalArgumentException("an SRTP master key and salt is " + SrtpSuite.KEY_AND_SALT_BYTES
                    + " bytes, not " + keyAndSalt.length);
        }
        return new SrtpKey(keyAndSalt.clone());
    }

    /** A copy of the master key followed by the master salt. */
    public byte[] keyAndSalt() {
        return keyAndSalt.clone();
    }

    /** The key as the {@code inline:} parameter of an {@code a=crypto} line writes it. */
    public String base64() {
        return Base64.getEncoder().encodeToString(keyAndSalt);
    }

    @Override
    public boolean equals(Object other) {
        // constant time, as for any secret
        return other instanceof SrtpKey key && MessageDigest.isEqual(keyAndSalt, key.keyAndSalt);
    }

    @Override
    public int hashCode() {
        return keyAndSalt.length;
    }

    @Override
    public String toString() {
        return "SrtpKey[redacted]";
    }
}
