package io.switchboard.sip.csta;

import java.util.Optional;

/**
 * The event half of {@link CstaParser}: maps ECMA-323 call control event elements (ECMA-269 §17.2) to
 * {@link CstaEvent}s. The elements ECMA-323 makes mandatory are required here too; devices reported as
 * {@code <notKnown/>} read as null, an absent or unknown {@code <cause>} as {@link Cause#UNKNOWN}.
 */
final class CstaEventReader {

    private CstaEventReader() {
    }

    /** The event, or empty if the root element is no event this codec knows. */
    static Optional<CstaEvent> event(CstaNode root) throws CstaParseException {
        String crossRef = switch (root.name()) {
            case "ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent", "EstablishedEvent", "HeldEvent",
                 "RetrievedEvent", "TransferredEvent", "ConnectionClearedEvent", "FailedEvent" ->
                    root.required("monitorCrossRefID").text();
            default -> null;
        };
        if (crossRef == null) {
            return Optional.empty();
        }
        LocalConnectionState state = localState(root);
        Cause cause = Cause.fromXml(root.child("cause").map(CstaNode::text).orElse(null));
        CstaEvent event = switch (root.name()) {
            case "ServiceInitiatedEvent" -> new ServiceInitiatedEvent(crossRef,
                    connection(root, "initiatedConnection"), device(root, "initiatingDevice"), state, cause);
            case "OriginatedEvent" -> new OriginatedEvent(crossRef, originated(root),
                    device(root, "callingDevice"), device(root, "calledDevice"), state, cause);
            case "DeliveredEvent" -> new DeliveredEvent(crossRef, connection(root, "connection"),
                    device(root, "alertingDevice"), device(root, "callingDevice"), device(root, "calledDevice"),
                    state, cause);
            case "EstablishedEvent" -> new EstablishedEvent(crossRef, connection(root, "establishedConnection"),
                    device(root, "answeringDevice"), device(root, "callingDevice"), device(root, "calledDevice"),
                    state, cause);
            case "HeldEvent" -> new HeldEvent(crossRef, connection(root, "heldConnection"),
                    device(root, "holdingDevice"), state, cause);
            case "RetrievedEvent" -> new RetrievedEvent(crossRef, connection(root, "retrievedConnection"),
                    device(root, "retrievingDevice"), state, cause);
            case "TransferredEvent" -> new TransferredEvent(crossRef, connection(root, "primaryOldCall"),
                    root.child("secondaryOldCall").isPresent() ? connection(root, "secondaryOldCall") : null,
                    device(root, "transferringDevice"), device(root, "transferredToDevice"), state, cause);
            case "ConnectionClearedEvent" -> new ConnectionClearedEvent(crossRef, connection(root, "droppedConnection"),
                    device(root, "releasingDevice"), state, cause);
            case "FailedEvent" -> new FailedEvent(crossRef, connection(root, "failedConnection"),
                    device(root, "failingDevice"), device(root, "calledDevice"), state, cause);
            default -> throw new IllegalStateException("unreachable: " + root.name());
        };
        return Optional.of(event);
    }

    /** ECMA-323 names it {@code originatedConnection}; {@code originatingConnection} is read too. */
    private static ConnectionId originated(CstaNode root) throws CstaParseException {
        return root.child("originatedConnection").isPresent() || root.child("originatingConnection").isEmpty()
                ? connection(root, "originatedConnection")
                : connection(root, "originatingConnection");
    }

    private static ConnectionId connection(CstaNode root, String name) throws CstaParseException {
        return CstaParser.connection(root.required(name));
    }

    private static DeviceId device(CstaNode root, String name) throws CstaParseException {
        return CstaParser.subjectDevice(root.required(name));
    }

    private static LocalConnectionState localState(CstaNode root) throws CstaParseException {
        Optional<CstaNode> info = root.child("localConnectionInfo");
        if (info.isEmpty()) {
            return null;
        }
        String value = info.get().text();
        return LocalConnectionState.fromXml(value).orElseThrow(() -> CstaParser.malformed(
                "localConnectionInfo must be null, initiated, alerting, connected, hold, queued or fail, not "
                        + CstaText.abbreviate(value)));
    }
}
