package io.switchboard.sip.csta;

import java.util.Objects;

/** Answers an alerting call (ECMA-269 §17.1.2). */
public record AnswerCall(ConnectionId callToBeAnswered) implements CstaRequest {

    public AnswerCall {
        Objects.requireNonNull(callToBeAnswered, "callToBeAnswered");
    }
}
