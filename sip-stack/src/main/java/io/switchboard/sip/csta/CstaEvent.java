package io.switchboard.sip.csta;

/**
 * A call control event reported on a monitor (ECMA-269 §17.2), sent by the monitored side in an INFO.
 * Every event names its monitor and says why it happened; the state of the monitored device's
 * connection is optional in ECMA-323 and null here when absent.
 */
public sealed interface CstaEvent extends CstaMessage
        permits ServiceInitiatedEvent, OriginatedEvent, DeliveredEvent, EstablishedEvent, HeldEvent,
        RetrievedEvent, TransferredEvent, ConnectionClearedEvent, FailedEvent {

    /** The {@code monitorCrossRefID} the {@link MonitorStartResponse} handed out. */
    String monitorCrossRefId();

    /** The monitored device's connection state ({@code localConnectionInfo}); null when not reported. */
    LocalConnectionState localState();

    /** Why the event happened; {@link Cause#UNKNOWN} when absent or a value this codec does not know. */
    Cause cause();
}
