package io.switchboard.app.recents;

import io.switchboard.core.model.Call;

import java.time.Duration;
import java.time.Instant;

/**
 * One call of the history as kept on disk.
 *
 * @param remote          the other party's address
 * @param name            what the user called them when the call ended (the contact's name, else the address)
 * @param outgoing        whether I placed the call
 * @param startedAtMillis when it was placed or rang here (epoch milliseconds)
 * @param durationSeconds how long we talked; 0 when it was never answered
 * @param outcome         how it went
 * @param seen            for a missed call: whether the user has looked at the Recents list since
 */
public record CallRecord(String remote, String name, boolean outgoing, long startedAtMillis, long durationSeconds,
                         CallOutcome outcome, boolean seen) {

    public CallRecord {
        remote = remote == null ? "" : remote;
        name = name == null || name.isBlank() ? remote : name;
        outcome = outcome == null ? CallOutcome.FAILED : outcome;
        durationSeconds = Math.max(0, durationSeconds);
    }

    /** The record of {@code call}, which has ended at {@code endedAt}. */
    public static CallRecord of(Call call, String name, Instant endedAt) {
        long talked = call.connectedAt().map(at -> Duration.between(at, endedAt).toSeconds()).orElse(0L);
        CallOutcome outcome = CallOutcome.of(call);
        return new CallRecord(call.remote().toString(), name, call.outgoing(), call.startedAt().toEpochMilli(), talked,
                outcome, outcome != CallOutcome.MISSED);
    }

    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    public boolean missed() {
        return outcome == CallOutcome.MISSED;
    }

    public boolean unseenMissed() {
        return missed() && !seen;
    }

    public CallRecord asSeen() {
        return seen ? this : new CallRecord(remote, name, outgoing, startedAtMillis, durationSeconds, outcome, true);
    }
}
