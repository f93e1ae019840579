package io.switchboard.app.phone;

import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.MessageWaiting;
import io.switchboard.core.service.VoicemailService;

import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The voicemail indicator (message waiting, RFC 3842): shown for an account whose server reports
 * its mailbox, lit with the count of new messages while any wait. Reports arrive on the session's
 * event thread and are moved to the UI thread; the rest is used on the UI thread.
 */
public final class VoicemailViewModel {

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");
    private final ReadOnlyIntegerWrapper newMessages = new ReadOnlyIntegerWrapper(this, "newMessages");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ListenerRegistration registration;

    public VoicemailViewModel(Optional<VoicemailService> voicemail, UiDispatcher ui) {
        Objects.requireNonNull(ui, "ui");
        available.set(voicemail.isPresent());
        registration = voicemail.map(service -> {
            ListenerRegistration listening = service.addListener(state -> ui.run(() -> show(state)));
            show(service.messageWaiting());
            return listening;
        }).orElse(() -> { });
    }

    private void show(MessageWaiting state) {
        waiting.set(state.waiting() || state.newMessages() > 0);
        newMessages.set(state.newMessages());
        summary.set(summaryOf(state));
    }

    static String summaryOf(MessageWaiting state) {
        if (state.newMessages() == 0 && !state.waiting()) {
            return state.oldMessages() == 0 ? "No voice messages"
                    : "No new voice messages, " + state.oldMessages() + " old";
        }
        String fresh = state.newMessages() == 0 ? "New voice messages"
                : state.newMessages() + " new voice message" + (state.newMessages() == 1 ? "" : "s");
        String urgent = state.urgentNew() > 0 ? " (" + state.urgentNew() + " urgent)" : "";
        String old = state.oldMessages() > 0 ? ", " + state.oldMessages() + " old" : "";
        return fresh + urgent + old;
    }

    /** Whether the account's server reports a mailbox at all. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether the lamp is lit. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty newMessagesProperty() {
        return newMessages.getReadOnlyProperty();
    }

    /** "2 new voice messages, 1 old": the tooltip and the accessible text. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void dispose() {
        registration.close();
    }
}
