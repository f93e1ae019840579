package io.switchboard.sip.csta;

import java.util.Objects;

/** Joins the held and the active call and drops the transferring device (ECMA-269 §17.1.17). */
public record TransferCall(ConnectionId heldCall, ConnectionId activeCall) implements CstaRequest {

    public TransferCall {
        Objects.requireNonNull(heldCall, "heldCall");
        Objects.requireNonNull(activeCall, "activeCall");
    }
}
