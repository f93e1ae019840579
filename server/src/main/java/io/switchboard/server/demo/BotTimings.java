package io.switchboard.server.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How fast the demo bots live: the pause between presence changes and how long a reply takes
 * to "type". Each wait is drawn uniformly between its bounds, so bots never move in lockstep.
 */
public record BotTimings(Duration presenceMin, Duration presenceMax, Duration typingMin, Duration typingMax) {

    public BotTimings {
        check(presenceMin, presenceMax, "presence");
        check(typingMin, typingMax, "typing");
    }

    /** Presence every 20-90 s, replies after 2-5 s: lively without being noisy. */
    public static BotTimings defaults() {
        return new BotTimings(Duration.ofSeconds(20), Duration.ofSeconds(90), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    Duration presenceDelay(Random random) {
        return between(presenceMin, presenceMax, random);
    }

    Duration typingDelay(Random random) {
        return between(typingMin, typingMax, random);
    }

    private static Duration between(Duration min, Duration max, Random random) {
        long spread = max.toMillis() - min.toMillis();
        return spread == 0 ? min : min.plusMillis(random.nextLong(spread + 1));
    }

    private static void check(Duration min, Duration max, String what) {
        Objects.requireNonNull(min, what + " min");
        Objects.requireNonNull(max, what + " max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(what + " delays must satisfy 0 <= min <= max: " + min + ", " + max);
        }
    }
}
