package io.switchboard.sip.csta;

import java.util.Objects;

/** The consultation call is being placed; {@code initiatedCall} is the consulting device's new connection. */
public record ConsultationCallResponse(ConnectionId initiatedCall) implements CstaResponse {

    public ConsultationCallResponse {
        Objects.requireNonNull(initiatedCall, "initiatedCall");
    }
}
