package io.switchboard.sip.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces that need no server-side state: {@code base64url(time ‖ random ‖ HMAC)} where the
 * HMAC-SHA-256 (truncated to 128 bits) under a secret key covers the creation time and 8 random
 * bytes. A nonce is {@link State#VALID} while younger than the maximum age, {@link State#STALE}
 * after (the client retries with the new nonce without asking the user), and
 * {@link State#INVALID} when forged, altered, malformed or from the future.
 *
 * <p>Stateless nonces cannot stop a replay within their lifetime; a registrar that must, tracks
 * the nonce count per nonce. A new secret (e.g. after a restart) makes every older nonce invalid,
 * which clients survive by re-authenticating. Thread-safe.
 */
public final class DigestNonces {

    /** What a received nonce turned out to be. */
    public enum State { VALID, STALE, INVALID }

    private static final String HMAC = "HmacSHA256";
    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
    /** Tolerated clock step backwards between creating and checking a nonce. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(5);

    private final SecretKeySpec key;
    /**
     * One initialised Mac per thread: {@code Mac.getInstance} + {@code init} per nonce was a
     * visible part of a REGISTER's cost (a provider lookup and key set-up, twice per REGISTER).
     */
    private final ThreadLocal<Mac> macs;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration maxAge;

    public DigestNonces(byte[] secret, SecureRandom random, Clock clock, Duration maxAge) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        this.maxAge = maxAge;
    }

    /** Nonces under a fresh random secret, valid for {@code maxAge}. */
    public static DigestNonces withRandomSecret(Clock clock, Duration maxAge) {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new DigestNonces(secret, random, clock, maxAge);
    }

    public String create() {
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES)
                .putLong(clock.millis())
                .put(randomPart);
        nonce.put(mac(nonce.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    public State check(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return State.INVALID;
        }
        if (bytes.length != NONCE_BYTES) {
            return State.INVALID;
        }
        byte[] expected = mac(bytes);
        byte[] actual = Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(expected, actual)) {
            return State.INVALID;
        }
        long age = clock.millis() - ByteBuffer.wrap(bytes).getLong();
        if (age < -FUTURE_TOLERANCE.toMillis()) {
            return State.INVALID;
        }
        return age > maxAge.toMillis() ? State.STALE : State.VALID;
    }

    /** HMAC over the time and random part of {@code nonce}, truncated. */
    private byte[] mac(byte[] nonce) {
        Mac mac = macs.get();
        // doFinal resets the Mac for the next use with the same key
        mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform provides " + HMAC, e);
        }
    }
}
