package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * The monitored device has dialled and the call is being routed (ECMA-269 §17.2.14); ECMA-323 names the connection element {@code originatedConnection}.
 *
 * <p>{@code callingDevice}, {@code calledDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record OriginatedEvent(String monitorCrossRefId, ConnectionId originatingConnection, DeviceId callingDevice, DeviceId calledDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public OriginatedEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(originatingConnection, "originatingConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
