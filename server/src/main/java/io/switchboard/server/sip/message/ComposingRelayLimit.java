package io.switchboard.server.sip.message;

import io.switchboard.core.model.Address;
import io.switchboard.sip.message.IsComposing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps XMPP chat states from flooding SIP devices (RFC 3994 §4): per sender and recipient, an
 * "active" goes out when the last one sent was not active or is due for a refresh, an "idle" only
 * after an active; everything else is dropped. XMPP clients may send a state per keystroke; each
 * would be a MESSAGE transaction to every phone of the recipient. Bounded: a table grown past
 * {@link #MAX_PAIRS} is cleared (the worst case is one extra indication). Thread-safe.
 */
final class ComposingRelayLimit {

    static final int MAX_PAIRS = 10_000;
    /** Refresh before the {@code refresh} we promise (90 s) runs out at the device. */
    private static final Duration REFRESH_AFTER = Duration.ofSeconds(60);

    private record Pair(Address sender, Address recipient) {
    }

    private final Clock clock;
    private final Map<Pair, Instant> activeSince = new ConcurrentHashMap<>();

    ComposingRelayLimit(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code indication} from {@code sender} to {@code recipient} should be sent now. */
    boolean allow(Address sender, Address recipient, IsComposing indication) {
        Pair pair = new Pair(sender, recipient);
        if (!indication.isActive()) {
            return activeSince.remove(pair) != null;
        }
        if (activeSince.size() >= MAX_PAIRS) {
            activeSince.clear();
        }
        Instant now = clock.instant();
        boolean[] send = new boolean[1];
        activeSince.compute(pair, (p, last) -> {
            send[0] = last == null || !now.isBefore(last.plus(REFRESH_AFTER));
            return send[0] ? now : last;
        });
        return send[0];
    }

    /** A text went out: the device treats it as the end of composing (RFC 3994 §3.1). */
    void textSent(Address sender, Address recipient) {
        activeSince.remove(new Pair(sender, recipient));
    }
}
