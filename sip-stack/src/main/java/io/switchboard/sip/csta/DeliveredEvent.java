package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A call is alerting (ringing) at {@code alertingDevice} (ECMA-269 §17.2.5).
 *
 * <p>{@code alertingDevice}, {@code callingDevice}, {@code calledDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record DeliveredEvent(String monitorCrossRefId, ConnectionId connection, DeviceId alertingDevice, DeviceId callingDevice, DeviceId calledDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public DeliveredEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(connection, "connection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
