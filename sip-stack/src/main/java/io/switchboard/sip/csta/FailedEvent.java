package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A call could not go on, e.g. the called device is busy or does not exist (ECMA-269 §17.2.9).
 *
 * <p>{@code failingDevice}, {@code calledDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record FailedEvent(String monitorCrossRefId, ConnectionId failedConnection, DeviceId failingDevice, DeviceId calledDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public FailedEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(failedConnection, "failedConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
