package io.switchboard.sip.csta;

/** The monitor is stopped. */
public record MonitorStopResponse() implements CstaResponse {
}
