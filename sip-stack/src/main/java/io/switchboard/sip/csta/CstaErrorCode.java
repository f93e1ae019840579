package io.switchboard.sip.csta;

import java.util.Objects;

/** The negative answer to any request ({@code <CSTAErrorCode>}, ECMA-323 §8.3). */
public record CstaErrorCode(CstaError error) implements CstaResponse {

    public CstaErrorCode {
        Objects.requireNonNull(error, "error");
    }
}
