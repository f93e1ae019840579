package io.switchboard.sip.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An RFC 3994 is-composing indication ({@code application/im-iscomposing+xml}): whether the
 * sender is composing a message now.
 *
 * @param state       active (composing) or idle
 * @param lastActive  when the sender was last active; only meaningful with idle (§3.2)
 * @param contentType what is being composed, e.g. {@code text/plain}; empty when not said
 * @param refresh     with active: the sender refreshes within this many seconds, else the
 *                    receiver falls back to idle (§4); empty when not said
 */
public record IsComposing(State state, Optional<Instant> lastActive, Optional<String> contentType,
                          OptionalInt refresh) {

    /** RFC 3994 §3.2: only these two states exist. */
    public enum State { ACTIVE, IDLE }

    /** How long an active indication lasts without refresh when it names none (RFC 3994 §4: 120 s). */
    public static final int DEFAULT_ACTIVE_TIMEOUT_SECONDS = 120;

    public IsComposing {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastActive, "lastActive");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(refresh, "refresh");
    }

    /** "Composing text, expect a refresh within {@code refreshSeconds}". */
    public static IsComposing active(int refreshSeconds) {
        return new IsComposing(State.ACTIVE, Optional.empty(), Optional.of("text/plain"),
                OptionalInt.of(refreshSeconds));
    }

    /** "Stopped composing". */
    public static IsComposing idle() {
        return new IsComposing(State.IDLE, Optional.empty(), Optional.of("text/plain"), OptionalInt.empty());
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** How long the receiver shows "composing" without a refresh. */
    public int activeTimeoutSeconds() {
        return refresh.orElse(DEFAULT_ACTIVE_TIMEOUT_SECONDS);
    }
}
