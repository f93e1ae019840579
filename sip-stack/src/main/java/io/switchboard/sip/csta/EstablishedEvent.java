package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * {@code answeringDevice} has answered: the call is connected (ECMA-269 §17.2.8).
 *
 * <p>{@code answeringDevice}, {@code callingDevice}, {@code calledDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record EstablishedEvent(String monitorCrossRefId, ConnectionId establishedConnection, DeviceId answeringDevice, DeviceId callingDevice, DeviceId calledDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public EstablishedEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(establishedConnection, "establishedConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
