package io.switchboard.sip.csta;

/**
 * The answer to {@link RequestSystemStatus}; written with {@code <systemStatus>normal</systemStatus>}.
 * A peer's other status values (e.g. {@code disabled}) are read but not kept: TR/87 sessions are only
 * opened against a system that answers at all, and the gateway never reports anything but normal.
 */
public record RequestSystemStatusResponse() implements CstaResponse {
}
