package io.switchboard.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The 1:1 conversation with one peer during this session: its thread id, its messages in
 * order, and what the peer is doing (typing or not). Thread-safe: protocol threads append
 * while the UI reads snapshots.
 */
public final class Conversation {

    private final Address peer;
    private final String thread;
    private final List<ChatMessage> messages = new ArrayList<>();
    private ChatState peerState = ChatState.ACTIVE;

    public Conversation(Address peer, String thread) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.thread = Objects.requireNonNull(thread, "thread");
    }

    public Address peer() {
        return peer;
    }

    public String thread() {
        return thread;
    }

    public synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized void append(ChatMessage message) {
        messages.add(message);
    }

    /** Replaces the message with the same id (delivery state changes); returns the new one if found. */
    public synchronized Optional<ChatMessage> update(String id, DeliveryState state, String why) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.id().equals(id)) {
                ChatMessage updated = m.withDelivery(state, why);
                messages.set(i, updated);
                return Optional.of(updated);
            }
        }
        return Optional.empty();
    }

    public synchronized ChatState peerState() {
        return peerState;
    }

    public synchronized void peerState(ChatState state) {
        this.peerState = Objects.requireNonNull(state, "state");
    }
}
