package io.switchboard.server.cti;

import io.switchboard.server.cti.calls.DeskCallEvent;
import io.switchboard.sip.csta.Cause;
import io.switchboard.sip.csta.ConnectionClearedEvent;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.DeliveredEvent;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.EstablishedEvent;
import io.switchboard.sip.csta.FailedEvent;
import io.switchboard.sip.csta.HeldEvent;
import io.switchboard.sip.csta.LocalConnectionState;
import io.switchboard.sip.csta.OriginatedEvent;
import io.switchboard.sip.csta.RetrievedEvent;
import io.switchboard.sip.csta.ServiceInitiatedEvent;
import io.switchboard.sip.csta.TransferredEvent;

/**
 * A desk call's event as the CSTA event a monitor of the line receives (ECMA-269 call model):
 * the line's connection for what happens at the line, the far party's for its ringing and answer;
 * the local connection state is always the line's.
 */
final class CstaEvents {

    private final DeskDevices devices;

    CstaEvents(DeskDevices devices) {
        this.devices = devices;
    }

    CstaEvent of(DeskCallEvent event, String crossRef) {
        DeviceId line = devices.device(event.line());
        DeviceId far = devices.device(event.far().local());
        ConnectionId atLine = new ConnectionId(event.callId(), line);
        ConnectionId atFar = new ConnectionId(event.callId(), far);
        Cause cause = cause(event.cause());
        return switch (event.kind()) {
            case SERVICE_INITIATED -> new ServiceInitiatedEvent(crossRef, atLine, line, LocalConnectionState.INITIATED, cause);
            case ORIGINATED -> new OriginatedEvent(crossRef, atLine, line, far, LocalConnectionState.CONNECTED, cause);
            // a call to the line rings at the line; a call from it, at the far end
            case DELIVERED -> event.incoming()
                    ? new DeliveredEvent(crossRef, atLine, line, far, line, LocalConnectionState.ALERTING, cause)
                    : new DeliveredEvent(crossRef, atFar, far, line, far, LocalConnectionState.CONNECTED, cause);
            case ESTABLISHED -> event.incoming()
                    ? new EstablishedEvent(crossRef, atLine, line, far, line, LocalConnectionState.CONNECTED, cause)
                    : new EstablishedEvent(crossRef, atFar, far, line, far, LocalConnectionState.CONNECTED, cause);
            case HELD -> new HeldEvent(crossRef, atFar, line, LocalConnectionState.HOLD, cause);
            case RETRIEVED -> new RetrievedEvent(crossRef, atFar, line, LocalConnectionState.CONNECTED, cause);
            case TRANSFERRED -> new TransferredEvent(crossRef, atLine, null, line, far, LocalConnectionState.NULL, cause);
            case FAILED -> new FailedEvent(crossRef, atLine, far, far, LocalConnectionState.FAIL, cause);
            case CLEARED -> new ConnectionClearedEvent(crossRef, atLine, line, LocalConnectionState.NULL, cause);
        };
    }

    private static Cause cause(DeskCallEvent.Cause cause) {
        return switch (cause) {
            case NEW_CALL -> Cause.NEW_CALL;
            case MAKE_CALL -> Cause.MAKE_CALL;
            case NORMAL_CLEARING -> Cause.NORMAL_CLEARING;
            case BUSY -> Cause.BUSY;
            case NO_ANSWER -> Cause.CALL_NOT_ANSWERED;
            case CALL_REJECTED -> Cause.CALL_CANCELLED;
            case DESTINATION_NOT_OBTAINABLE -> Cause.DEST_NOT_OBTAINABLE;
            case NETWORK_NOT_OBTAINABLE -> Cause.NETWORK_NOT_OBTAINABLE;
            case SINGLE_STEP_TRANSFER -> Cause.SINGLE_STEP_TRANSFER;
            case TRANSFER -> Cause.TRANSFER;
            case CONSULTATION -> Cause.CONSULTATION;
            case NORMAL -> Cause.NORMAL;
        };
    }
}
