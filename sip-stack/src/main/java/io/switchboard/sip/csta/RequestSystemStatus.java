package io.switchboard.sip.csta;

/** Asks whether the other side is up (ECMA-269 §21.1.7); TR/87 sends it in the INVITE that opens a session. */
public record RequestSystemStatus() implements CstaRequest {
}
