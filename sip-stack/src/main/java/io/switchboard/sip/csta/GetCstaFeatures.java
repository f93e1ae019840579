package io.switchboard.sip.csta;

/** Asks which services the other side supports (ECMA-269 §21.1.2, element {@code GetCSTAFeatures}). */
public record GetCstaFeatures() implements CstaRequest {
}
