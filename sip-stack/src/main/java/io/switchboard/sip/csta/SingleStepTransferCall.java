package io.switchboard.sip.csta;

import java.util.Objects;

/** Blind transfer: hands the active call to {@code transferredTo} without consulting (ECMA-269 §17.1.16). */
public record SingleStepTransferCall(ConnectionId activeCall, DeviceId transferredTo) implements CstaRequest {

    public SingleStepTransferCall {
        Objects.requireNonNull(activeCall, "activeCall");
        Objects.requireNonNull(transferredTo, "transferredTo");
    }
}
