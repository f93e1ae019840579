package io.switchboard.sip.csta;

/**
 * One CSTA XML document as carried in a uaCSTA SIP body: a service request, its response, or an event.
 * Sealed so that the {@link CstaWriter} and the gateway's dispatch see every kind.
 */
public sealed interface CstaMessage permits CstaRequest, CstaResponse, CstaEvent {
}
