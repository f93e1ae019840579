package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A call was transferred (ECMA-269 §17.2.20): {@code primaryOldCall} and, for a consulted transfer, {@code secondaryOldCall} (else null) are gone, joined at {@code transferredToDevice}.
 *
 * <p>{@code transferringDevice}, {@code transferredToDevice} may be null: the switching function reported it as not known (ECMA-323 {@code <notKnown/>}).
 */
public record TransferredEvent(String monitorCrossRefId, ConnectionId primaryOldCall, ConnectionId secondaryOldCall, DeviceId transferringDevice, DeviceId transferredToDevice, LocalConnectionState localState, Cause cause)
        implements CstaEvent {

    public TransferredEvent {
        monitorCrossRefId = CstaText.crossRef(monitorCrossRefId);
        Objects.requireNonNull(primaryOldCall, "primaryOldCall");
        cause = cause == null ? Cause.UNKNOWN : cause;
    }
}
