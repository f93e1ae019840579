package io.switchboard.sip.csta;

import java.util.Objects;

/** Takes a held call back (ECMA-269 §17.1.13). */
public record RetrieveCall(ConnectionId callToBeRetrieved) implements CstaRequest {

    public RetrieveCall {
        Objects.requireNonNull(callToBeRetrieved, "callToBeRetrieved");
    }
}
