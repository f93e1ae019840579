package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A held call was taken back by {@code retrievingDevice} (ECMA-269 §17.2.16).
 *
 * <p>{@code retrievingDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record RetrievedEvent(String monitorCrossRefId, ConnectionId retrievedConnection, DeviceId retrievingDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public RetrievedEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(retrievedConnection, "retrievedConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
