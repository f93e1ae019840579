package io.switchboard.xmpp;

import io.switchboard.core.service.SignInException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try again after the connection was lost: exponential back-off (base, 2 x base,
 * 4 x base ... capped) with jitter, so that a server restart is not followed by every client
 * reconnecting in the same second. Smack's own ReconnectionManager only offers a fixed or
 * randomly-increasing delay, which is why the session schedules reconnects itself.
 */
public final class ReconnectPolicy {

    private final Duration base;
    private final Duration cap;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param jitter fraction (0..1) by which a delay may be shortened at random
     * @param random uniform values in [0, 1)
     */
    public ReconnectPolicy(Duration base, Duration cap, double jitter, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in 0..1");
        }
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** 1 s, 2 s, 4 s ... at most 60 s, each up to 20 % shorter at random. */
    public static ReconnectPolicy standard() {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before attempt {@code attempt} (counting from 1). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        long capMillis = cap.toMillis();
        long millis = base.toMillis();
        for (int i = 1; i < attempt && millis < capMillis; i++) {
            millis *= 2;   // stops doubling at the cap, so it cannot overflow
        }
        millis = Math.min(millis, capMillis);
        long shortenBy = Math.round(millis * jitter * random.getAsDouble());
        return Duration.ofMillis(Math.max(1, millis - shortenBy));
    }

    /** Retrying cannot fix a wrong password or a certificate the user has not accepted. */
    public boolean shouldRetry(SignInException failure) {
        return switch (failure.reason()) {
            case BAD_CREDENTIALS, CERTIFICATE_UNTRUSTED -> false;
            default -> true;
        };
    }
}
