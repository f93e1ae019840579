package io.switchboard.sip.csta;

import java.util.Objects;

/** The transfer is done; {@code transferredCall} is the resulting call's connection. */
public record TransferCallResponse(ConnectionId transferredCall) implements CstaResponse {

    public TransferCallResponse {
        Objects.requireNonNull(transferredCall, "transferredCall");
    }
}
