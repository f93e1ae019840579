package io.switchboard.app.chat;

import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.DeliveryState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of a conversation: who wrote what and when, and for my own messages where the
 * message is on its way. Only the delivery status changes after creation, so a list cell
 * binds to just those properties and no other row is laid out again.
 */
public final class MessageViewModel {

    /** Where a row is: {@link #SENDING} until the service accepted it, then the service's delivery state. */
    public enum Status { SENDING, SENT, DELIVERED, QUEUED_OFFLINE, FAILED, RECEIVED }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss");

    private final boolean incoming;
    private final String sender;
    private final String body;
    private final List<TextSegment> segments;
    private final String time;
    private final String fullTime;
    private final Consumer<MessageViewModel> retryAction;
    private String id;

    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper statusDescription = new ReadOnlyStringWrapper(this, "statusDescription", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    MessageViewModel(String id, boolean incoming, String sender, String body, Instant timestamp, boolean delayed,
                     ZoneId zone, Consumer<MessageViewModel> retryAction) {
        this.id = id;
        this.incoming = incoming;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.body = Objects.requireNonNull(body, "body");
        this.segments = TextSegment.split(body);
        this.time = TIME.withZone(zone).format(timestamp);
        String full = FULL.withZone(zone).format(timestamp);
        // stored offline messages keep the time they were written, and say so
        this.fullTime = delayed ? full + " (sent while you were offline)" : full;
        this.retryAction = retryAction;
        if (incoming) {
            show(Status.RECEIVED, "", "Received");
        } else {
            showSending();
        }
    }

    /** The service's id of the message; empty while it is still being sent. */
    String id() {
        return id;
    }

    void id(String newId) {
        this.id = newId;
    }

    public boolean isIncoming() {
        return incoming;
    }

    public String sender() {
        return sender;
    }

    public String body() {
        return body;
    }

    /** The body split into text and clickable links. */
    public List<TextSegment> segments() {
        return segments;
    }

    /** Time of day, HH:mm. */
    public String time() {
        return time;
    }

    /** Full date and time for a tooltip. */
    public String fullTime() {
        return fullTime;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Status status() {
        return status.get();
    }

    /** Short visible status of my message: ✓, ✓✓, the queued note or why it failed. Empty for incoming ones. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The status in words, for tooltips and screen readers. */
    public ReadOnlyStringProperty statusDescriptionProperty() {
        return statusDescription.getReadOnlyProperty();
    }

    /** True when my message could not be sent: the view offers Retry. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Sends the failed message again. */
    public void retry() {
        if (failed.get() && retryAction != null) {
            retryAction.accept(this);
        }
    }

    void showSending() {
        show(Status.SENDING, "Sending…", "Sending");
    }

    /** Shows the service's delivery state; {@code peerName} completes the "queued" note. */
    void showDelivery(DeliveryState delivery, String error, String peerName) {
        switch (delivery) {
            case SENT -> show(Status.SENT, "✓", "Sent");
            case DELIVERED -> show(Status.DELIVERED, "✓✓", "Delivered");
            case QUEUED_OFFLINE -> {
                String note = "Queued — will be delivered when " + peerName + " signs in";
                show(Status.QUEUED_OFFLINE, note, note);
            }
            case FAILED -> showFailed(error);
            case RECEIVED -> show(Status.RECEIVED, "", "Received");
        }
    }

    void showFailed(String error) {
        String why = error == null || error.isBlank() ? "unknown error" : error;
        String text = "Not sent: " + why;
        show(Status.FAILED, text, text);
    }

    private void show(Status newStatus, String text, String description) {
        status.set(newStatus);
        statusDescription.set(description);
        failed.set(newStatus == Status.FAILED);
        // last: views re-render the status line when the text changes and read the rest then
        statusText.set(text);
    }

    static MessageViewModel of(ChatMessage m, String sender, String peerName, ZoneId zone,
                               Consumer<MessageViewModel> retryAction) {
        MessageViewModel row = new MessageViewModel(m.id(), m.isIncoming(), sender, m.body(), m.timestamp(),
                m.delayed(), zone, retryAction);
        row.showDelivery(m.delivery(), m.error(), peerName);
        return row;
    }
}
