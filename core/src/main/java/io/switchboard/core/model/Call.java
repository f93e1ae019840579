package io.switchboard.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call as the user sees it, at one moment: a snapshot, replaced by a new one whenever the call
 * changes.
 *
 * @param id          stable for the call's lifetime (the SIP Call-ID)
 * @param remote      the other party
 * @param outgoing    whether I placed it
 * @param state       where it is
 * @param muted       whether my microphone is muted
 * @param startedAt   when it was placed or started ringing here
 * @param connectedAt when it was answered, if it was
 * @param end         why it ended, once it has
 * @param detail      a human-readable detail for the end (the peer's status and reason), or ""
 */
public record Call(String id, Address remote, boolean outgoing, CallState state, boolean muted, Instant startedAt,
                   Optional<Instant> connectedAt, Optional<CallEndReason> end, String detail) {

    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(end, "end");
        detail = detail == null ? "" : detail;
    }

    public static Call placed(String id, Address remote, Instant now) {
        return new Call(id, remote, true, CallState.DIALING, false, now, Optional.empty(), Optional.empty(), "");
    }

    public static Call ringingHere(String id, Address remote, Instant now) {
        return new Call(id, remote, false, CallState.INCOMING, false, now, Optional.empty(), Optional.empty(), "");
    }

    public Call withState(CallState next) {
        return new Call(id, remote, outgoing, next, muted, startedAt, connectedAt, end, detail);
    }

    public Call connected(Instant now) {
        return new Call(id, remote, outgoing, CallState.CONNECTED, muted, startedAt,
                connectedAt.isPresent() ? connectedAt : Optional.of(now), end, detail);
    }

    public Call withMuted(boolean value) {
        return new Call(id, remote, outgoing, state, value, startedAt, connectedAt, end, detail);
    }

    public Call ended(CallEndReason reason, String why) {
        return new Call(id, remote, outgoing, CallState.ENDED, muted, startedAt, connectedAt, Optional.of(reason), why);
    }

    /** An incoming call that ended without being answered, other than by my decline. */
    public boolean isMissed() {
        return !outgoing && state == CallState.ENDED && connectedAt.isEmpty()
                && end.filter(reason -> reason != CallEndReason.DECLINED_BY_ME).isPresent();
    }
}
