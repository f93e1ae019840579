package io.switchboard.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One instant message of a 1:1 conversation. {@code id} is the stanza id (used to match
 * delivery receipts); {@code thread} groups the messages of one conversation; {@code device}
 * is the peer's device that sent or, once locked, receives it.
 */
public record ChatMessage(String id, Address peer, Direction direction, String body, String thread,
                          String device, Instant timestamp, boolean delayed, DeliveryState delivery, String error) {

    public enum Direction { INCOMING, OUTGOING }

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(direction, "direction");
        body = body == null ? "" : body;
        thread = thread == null ? "" : thread;
        device = device == null ? "" : device;
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(delivery, "delivery");
        error = error == null ? "" : error;
    }

    public ChatMessage withDelivery(DeliveryState state, String why) {
        return new ChatMessage(id, peer, direction, body, thread, device, timestamp, delayed, state, why);
    }

    public boolean isIncoming() {
        return direction == Direction.INCOMING;
    }
}
