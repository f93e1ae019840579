package io.switchboard.sip.csta;

import java.util.Objects;

/** Puts a connected call on hold (ECMA-269 §17.1.7). */
public record HoldCall(ConnectionId callToBeHeld) implements CstaRequest {

    public HoldCall {
        Objects.requireNonNull(callToBeHeld, "callToBeHeld");
    }
}
