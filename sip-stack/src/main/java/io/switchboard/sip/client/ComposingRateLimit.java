package io.switchboard.sip.client;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatState;
import io.switchboard.sip.message.IsComposing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which XEP-0085-style chat states of ours become RFC 3994 is-composing MESSAGEs, so
 * typing does not flood the peer (§4): "active" when I start composing and then at most once per
 * {@code refresh} minus a margin while I keep composing (the peer's view times out after
 * {@code refresh}); "idle" once when I stop. Every other call sends nothing. Thread-safe.
 */
final class ComposingRateLimit {

    /** RFC 3994 §4 recommends 90 s: long enough to be cheap, short enough to recover from a lost idle. */
    static final int REFRESH_SECONDS = 90;
    /** Refresh this long before the peer would time the indication out. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final Clock clock;
    /** peer → when the last "active" went out; absent while idle. */
    private final Map<Address, Instant> activeSince = new ConcurrentHashMap<>();

    ComposingRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** The indication to send for {@code state} towards {@code peer}, if any. */
    Optional<IsComposing> next(Address peer, ChatState state) {
        Instant now = clock.instant();
        if (state == ChatState.COMPOSING) {
            Instant[] decided = new Instant[1];
            activeSince.compute(peer, (p, last) -> {
                boolean due = last == null || !now.isBefore(last.plusSeconds(REFRESH_SECONDS).minus(MARGIN));
                decided[0] = due ? now : null;
                return due ? now : last;
            });
            return decided[0] == null ? Optional.empty() : Optional.of(IsComposing.active(REFRESH_SECONDS));
        }
        return activeSince.remove(peer) != null ? Optional.of(IsComposing.idle()) : Optional.empty();
    }

    /** Sending a message ends composing implicitly (RFC 3994 §3.1): no idle is needed after it. */
    void messageSent(Address peer) {
        activeSince.remove(peer);
    }
}
