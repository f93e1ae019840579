package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A device has gone off-hook or started dialling: a call is being initiated there (ECMA-269 §17.2.18).
 *
 * <p>{@code initiatingDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record ServiceInitiatedEvent(String monitorCrossRefId, ConnectionId initiatedConnection, DeviceId initiatingDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public ServiceInitiatedEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(initiatedConnection, "initiatedConnection");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
