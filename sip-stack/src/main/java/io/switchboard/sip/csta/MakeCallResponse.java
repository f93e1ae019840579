package io.switchboard.sip.csta;

import java.util.Objects;

/** The call is being placed; {@code callingDevice} is the calling device's new connection. */
public record MakeCallResponse(ConnectionId callingDevice) implements CstaResponse {

    public MakeCallResponse {
        Objects.requireNonNull(callingDevice, "callingDevice");
    }
}
