package io.switchboard.sip.presence.watch;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a Subscription-State header (RFC 6665 §8.2.3):
 * {@code substate-value *( SEMI subexp-params )} with the reason, expires and retry-after
 * parameters. Immutable; {@link #parse(String)} reads hostile input (bounded length, numbers in
 * range, unknown states and reasons kept as such rather than rejected, as the ABNF's extension
 * rules ask).
 *
 * @param state      active, pending, terminated, or EXTENSION for a state this code does not know
 * @param reason     why a subscription was terminated, or null
 * @param expires    seconds the subscription still lasts, or -1 when absent
 * @param retryAfter seconds to wait before subscribing again, or -1 when absent
 */
public record SubscriptionStatus(State state, Reason reason, int expires, int retryAfter) {

    /** substate-value. */
    public enum State { ACTIVE, PENDING, TERMINATED, EXTENSION }

    /** event-reason-value (RFC 6665 §4.1.3 says what a subscriber does for each). */
    public enum Reason {
        DEACTIVATED, PROBATION, REJECTED, TIMEOUT, GIVEUP, NORESOURCE, INVARIANT, EXTENSION;

        static Reason of(String token) {
            for (Reason reason : values()) {
                if (reason != EXTENSION && reason.name().equalsIgnoreCase(token)) {
                    return reason;
                }
            }
            return EXTENSION;
        }
    }

    static final int MAX_LENGTH = 1_024;

    public static final SubscriptionStatus PENDING = new SubscriptionStatus(State.PENDING, null, -1, -1);

    public SubscriptionStatus {
        Objects.requireNonNull(state, "state");
    }

    public static SubscriptionStatus active(int expires) {
        return new SubscriptionStatus(State.ACTIVE, null, expires, -1);
    }

    public static SubscriptionStatus terminated(Reason reason, int retryAfter) {
        return new SubscriptionStatus(State.TERMINATED, reason, -1, retryAfter);
    }

    /**
     * Parses a header value such as {@code terminated;reason=probation;retry-after=3600}.
     *
     * @throws IllegalArgumentException when it is empty, too long, or a number is malformed
     */
    public static SubscriptionStatus parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty Subscription-State");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Subscription-State longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = value.split(";");
        State state = switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
            case "active" -> State.ACTIVE;
            case "pending" -> State.PENDING;
            case "terminated" -> State.TERMINATED;
            case "" -> throw new IllegalArgumentException("Subscription-State without a state");
            default -> State.EXTENSION;
        };
        Reason reason = null;
        int expires = -1;
        int retryAfter = -1;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            String argument = equals < 0 ? "" : parameter.substring(equals + 1).strip();
            switch (name) {
                case "reason" -> reason = Reason.of(argument);
                case "expires" -> expires = deltaSeconds(name, argument);
                case "retry-after" -> retryAfter = deltaSeconds(name, argument);
                default -> {
                    // generic-param: allowed and ignored
                }
            }
        }
        return new SubscriptionStatus(state, reason, expires, retryAfter);
    }

    /** Writes the header value back in the RFC's form. */
    public String toHeaderValue() {
        StringBuilder out = new StringBuilder(state == State.EXTENSION ? "extension" : state.name().toLowerCase(Locale.ROOT));
        if (reason != null) {
            out.append(";reason=").append(reason.name().toLowerCase(Locale.ROOT));
        }
        if (expires >= 0) {
            out.append(";expires=").append(expires);
        }
        if (retryAfter >= 0) {
            out.append(";retry-after=").append(retryAfter);
        }
        return out.toString();
    }

    /**
     * Whether and when to subscribe again after this termination (RFC 6665 §4.1.3): at once after
     * deactivated or timeout; after retry-after (else {@code fallback}) after probation, giveup, an
     * unknown or no reason; never after rejected, noresource or invariant.
     */
    public Optional<Duration> resubscribeAfter(Duration fallback) {
        if (state != State.TERMINATED) {
            return Optional.empty();
        }
        Duration later = retryAfter >= 0 ? Duration.ofSeconds(retryAfter) : fallback;
        if (reason == null) {
            return Optional.of(later);
        }
        return switch (reason) {
            case DEACTIVATED, TIMEOUT -> Optional.of(retryAfter >= 0 ? later : Duration.ZERO);
            case PROBATION, GIVEUP, EXTENSION -> Optional.of(later);
            case REJECTED, NORESOURCE, INVARIANT -> Optional.empty();
        };
    }

    private static int deltaSeconds(String name, String argument) {
        if (argument.isEmpty() || argument.length() > 10 || !argument.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Subscription-State " + name + " is not delta-seconds: " + abbreviate(argument));
        }
        long seconds = Long.parseLong(argument);
        // RFC 3261 §27: delta-seconds beyond 2^32-1 are taken as that; an int holds 68 years
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
