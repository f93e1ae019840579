package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * {@code releasingDevice} has left the call: its connection is gone (ECMA-269 §17.2.4).
 *
 * <p>{@code releasingDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record ConnectionClearedEvent(String monitorCrossRefId, ConnectionId droppedConnection, DeviceId releasingDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public ConnectionClearedEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(droppedConnection, "droppedConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
