package io.switchboard.core.model;

/** Where an outgoing message is on its way to the peer. */
public enum DeliveryState {
    /** Handed to the network, not yet confirmed. */
    SENT,
    /** The peer's device confirmed receipt (XEP-0184). */
    DELIVERED,
    /** The peer is offline; the server stores it for their next sign-in. */
    QUEUED_OFFLINE,
    /** Could not be sent; {@link ChatMessage#error()} says why. */
    FAILED,
    /** An incoming message. */
    RECEIVED
}
