package io.switchboard.server.sip.registrar;

import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an address of record (RFC 3261 §10.3): where requests for the user
 * are forwarded until {@code expiresAt}.
 *
 * @param contactUri the Contact URI as registered, e.g. {@code sip:alice@127.0.0.1:5070;transport=tcp}
 * @param q          the preference, 0.0 to 1.0 (1.0 when the Contact had no q)
 * @param callId     the Call-ID of the REGISTER that made or last refreshed it
 * @param cseq       that REGISTER's CSeq number: older requests of the same Call-ID must not change it
 */
public record Binding(String contactUri, float q, Instant expiresAt, String callId, long cseq) {

    public Binding {
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(callId, "callId");
    }

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Whole seconds left, at least 0. */
    public long secondsLeft(Instant now) {
        return Math.max(0, (expiresAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
