package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A call was put on hold by {@code holdingDevice} (ECMA-269 §17.2.10).
 *
 * <p>{@code holdingDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record HeldEvent(String monitorCrossRefId, ConnectionId heldConnection, DeviceId holdingDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public HeldEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(heldConnection, "heldConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
