package io.switchboard.sip.csta;

/**
 * The event half of {@link CstaWriter}. ECMA-323 writes an event's devices in the SubjectDeviceID form,
 * {@code <callingDevice><deviceIdentifier>…</deviceIdentifier></callingDevice>}, a device not known as
 * {@code <notKnown/>}; the monitored connection's state and the cause close the event.
 */
final class CstaEventWriter {

    private CstaEventWriter() {
    }

    static String write(CstaEvent event) {
        CstaXmlBuilder xml = new CstaXmlBuilder(event.getClass().getSimpleName())
                .text("monitorCrossRefID", event.monitorCrossRefId());
        if (event instanceof ServiceInitiatedEvent e) {
            connection(xml, "initiatedConnection", e.initiatedConnection());
            device(xml, "initiatingDevice", e.initiatingDevice());
        } else if (event instanceof OriginatedEvent e) {
            connection(xml, "originatedConnection", e.originatingConnection());
            device(xml, "callingDevice", e.callingDevice());
            device(xml, "calledDevice", e.calledDevice());
        } else if (event instanceof DeliveredEvent e) {
            connection(xml, "connection", e.connection());
            device(xml, "alertingDevice", e.alertingDevice());
            device(xml, "callingDevice", e.callingDevice());
            device(xml, "calledDevice", e.calledDevice());
        } else if (event instanceof EstablishedEvent e) {
            connection(xml, "establishedConnection", e.establishedConnection());
            device(xml, "answeringDevice", e.answeringDevice());
            device(xml, "callingDevice", e.callingDevice());
            device(xml, "calledDevice", e.calledDevice());
        } else if (event instanceof HeldEvent e) {
            connection(xml, "heldConnection", e.heldConnection());
            device(xml, "holdingDevice", e.holdingDevice());
        } else if (event instanceof RetrievedEvent e) {
            connection(xml, "retrievedConnection", e.retrievedConnection());
            device(xml, "retrievingDevice", e.retrievingDevice());
        } else if (event instanceof TransferredEvent e) {
            connection(xml, "primaryOldCall", e.primaryOldCall());
            if (e.secondaryOldCall() != null) {
                connection(xml, "secondaryOldCall", e.secondaryOldCall());
            }
            device(xml, "transferringDevice", e.transferringDevice());
            device(xml, "transferredToDevice", e.transferredToDevice());
        } else if (event instanceof ConnectionClearedEvent e) {
            connection(xml, "droppedConnection", e.droppedConnection());
            device(xml, "releasingDevice", e.releasingDevice());
        } else {
            FailedEvent e = (FailedEvent) event;
            connection(xml, "failedConnection", e.failedConnection());
            device(xml, "failingDevice", e.failingDevice());
            device(xml, "calledDevice", e.calledDevice());
        }
        if (event.localState() != null) {
            xml.text("localConnectionInfo", event.localState().xmlValue());
        }
        if (event.cause() != Cause.UNKNOWN) {
            xml.text("cause", event.cause().xmlValue());
        }
        return xml.end();
    }

    private static void connection(CstaXmlBuilder xml, String name, ConnectionId connection) {
        CstaWriter.connection(xml, name, connection);
    }

    private static void device(CstaXmlBuilder xml, String name, DeviceId device) {
        xml.open(name);
        if (device == null) {
            xml.empty("notKnown");
        } else {
            xml.text("deviceIdentifier", device.value());
        }
        xml.close(name);
    }
}
