package io.switchboard.app.chat;

import io.switchboard.app.ui.Scheduler;
import io.switchboard.app.ui.Background;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.service.ChatService;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open conversation (one tab): its messages, what the peer is doing, what I am typing,
 * and the commands to send. Lives on the UI thread; {@link ChatViewModel} routes session
 * events here after moving them onto it.
 */
public final class ConversationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationViewModel.class);

    /** XEP-0085 suggests "paused" after a few seconds without typing. */
    static final Duration PAUSED_AFTER = Duration.ofSeconds(5);

    private final Address peer;
    private final ChatService chat;
    private final Background background;
    private final Scheduler scheduler;
    private final Clock clock;

    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName");
    private final ReadOnlyObjectWrapper<PresenceColour> presenceColour =
            new ReadOnlyObjectWrapper<>(this, "presenceColour", PresenceColour.GREY);
    private final ReadOnlyStringWrapper presenceText = new ReadOnlyStringWrapper(this, "presenceText", "");
    private final ReadOnlyBooleanWrapper peerTyping = new ReadOnlyBooleanWrapper(this, "peerTyping");
    private final ReadOnlyIntegerWrapper unread;
    private final StringProperty inputText = new SimpleStringProperty(this, "inputText", "");
    private final ObservableList<MessageViewModel> messages = FXCollections.observableArrayList();
    private final ObservableList<MessageViewModel> readOnlyMessages = FXCollections.unmodifiableObservableList(messages);
    private final Map<String, MessageViewModel> rowsById = new HashMap<>();
    private final StringBinding title;
    private final StringBinding typingText;
    private final BooleanBinding canSend;

    private ChatState myState = ChatState.ACTIVE;
    private Scheduler.Cancellable pauseTimer;
    private boolean closed;

    ConversationViewModel(Address peer, String name, Presence presence, ReadOnlyIntegerWrapper unread,
                          ChatService chat, Background background, Scheduler scheduler, Clock clock) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.unread = Objects.requireNonNull(unread, "unread");
        this.chat = chat;
        this.background = background;
        this.scheduler = scheduler;
        this.clock = clock;
        displayName.set(name);
        presence(presence);
        title = Bindings.createStringBinding(
                () -> unread.get() > 0 ? displayName.get() + " (" + unread.get() + ")" : displayName.get(),
                displayName, unread);
        typingText = Bindings.createStringBinding(
                () -> peerTyping.get() ? displayName.get() + " is typing…" : "", displayName, peerTyping);
        canSend = Bindings.createBooleanBinding(() -> !inputText.get().isBlank(), inputText);
        inputText.addListener((obs, old, now) -> inputChanged(now));
        for (ChatMessage m : chat.conversationWith(peer).messages()) {
            addRow(m);
        }
        peerTyping.set(chat.conversationWith(peer).peerState() == ChatState.COMPOSING);
    }

    public Address peer() {
        return peer;
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    /** The tab title: the name, with the unread count when there is one ("Bob (2)"). */
    public StringBinding titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<PresenceColour> presenceColourProperty() {
        return presenceColour.getReadOnlyProperty();
    }

    /** The peer's availability (and note) in words, for the presence dot's tooltip and screen readers. */
    public ReadOnlyStringProperty presenceTextProperty() {
        return presenceText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty peerTypingProperty() {
        return peerTyping.getReadOnlyProperty();
    }

    /** "Bob is typing…" while the peer types, else empty. */
    public StringBinding typingTextProperty() {
        return typingText;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public ObservableList<MessageViewModel> messages() {
        return readOnlyMessages;
    }

    /** What I am writing; bound bidirectionally to the input area. */
    public StringProperty inputTextProperty() {
        return inputText;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /**
     * The Enter key in the input area. Enter sends; Shift+Enter is a line break, which the
     * view inserts at the caret. Returns true when the key sent (or tried to send) the text.
     */
    public boolean enterPressed(boolean shiftDown) {
        if (shiftDown) {
            return false;
        }
        send();
        return true;
    }

    /** Sends the input text, unless it is blank; shows it at once as "Sending…". */
    public void send() {
        String body = inputText.get().strip();
        if (body.isEmpty() || closed) {
            return;
        }
        // the message itself carries <active/>: no separate chat state for it
        myState = ChatState.ACTIVE;
        cancelPauseTimer();
        inputText.set("");
        MessageViewModel row = new MessageViewModel("", false, "Me", body, clock.instant(), false, clock.getZone(),
                this::retry);
        messages.add(row);
        sendRow(row);
    }

    private void retry(MessageViewModel row) {
        rowsById.remove(row.id());
        sendRow(row);
    }

    private void sendRow(MessageViewModel row) {
        row.showSending();
        background.submit("sending a message to " + peer, () -> chat.send(peer, row.body()),
                sent -> accepted(row, sent),
                failure -> {
                    LOG.warn("Message to {} not sent: {}", peer, failure.getMessage());
                    row.showFailed(failure.getMessage());
                });
    }

    private void accepted(MessageViewModel row, ChatMessage sent) {
        row.id(sent.id());
        rowsById.put(sent.id(), row);
        // a receipt may have overtaken this answer: the conversation holds the newest state
        ChatMessage newest = chat.conversationWith(peer).messages().stream()
                .filter(m -> m.id().equals(sent.id())).reduce((a, b) -> b).orElse(sent);
        row.showDelivery(newest.delivery(), newest.error(), displayName.get());
    }

    // ---- session events, already on the UI thread ----

    void messageReceived(ChatMessage m) {
        addRow(m);
        // a message ends "typing"; peers do not always send a separate <active/>
        peerTyping.set(false);
    }

    void messageUpdated(ChatMessage m) {
        MessageViewModel row = rowsById.get(m.id());
        if (row != null) {
            row.showDelivery(m.delivery(), m.error(), displayName.get());
        }
    }

    void peerChatState(ChatState state) {
        peerTyping.set(state == ChatState.COMPOSING);
    }

    void displayName(String name) {
        displayName.set(name);
    }

    void presence(Presence presence) {
        presenceColour.set(presence.colour());
        String label = presence.availability().label();
        presenceText.set(presence.note().isBlank() ? label : label + " — " + presence.note());
    }

    void close() {
        closed = true;
        cancelPauseTimer();
    }

    private void addRow(ChatMessage m) {
        if (rowsById.containsKey(m.id())) {
            // history read at opening already holds it; the event for it arrives afterwards
            return;
        }
        String sender = m.isIncoming() ? displayName.get() : "Me";
        MessageViewModel row = MessageViewModel.of(m, sender, displayName.get(), clock.getZone(), this::retry);
        rowsById.put(m.id(), row);
        messages.add(row);
    }

    // ---- my own chat states: only on change, never per keystroke ----

    private void inputChanged(String text) {
        if (closed) {
            return;
        }
        if (text.isBlank()) {
            cancelPauseTimer();
            if (myState != ChatState.ACTIVE) {
                // cleared without sending: I am no longer writing anything
                sendChatState(ChatState.ACTIVE);
            }
            return;
        }
        if (myState != ChatState.COMPOSING) {
            sendChatState(ChatState.COMPOSING);
        }
        cancelPauseTimer();
        pauseTimer = scheduler.schedule(PAUSED_AFTER, this::typingPaused);
    }

    private void typingPaused() {
        pauseTimer = null;
        if (!closed && myState == ChatState.COMPOSING) {
            sendChatState(ChatState.PAUSED);
        }
    }

    private void cancelPauseTimer() {
        if (pauseTimer != null) {
            pauseTimer.cancel();
            pauseTimer = null;
        }
    }

    private void sendChatState(ChatState state) {
        myState = state;
        background.submit("telling " + peer + " I am " + state, () -> {
            chat.sendChatState(peer, state);
            return state;
        }, ok -> { }, failure -> LOG.debug("Chat state {} to {} not sent: {}", state, peer, failure.getMessage()));
    }

    /** For diagnostics and tests: the chat state I last sent. */
    ChatState myChatState() {
        return myState;
    }

    @Override
    public String toString() {
        return "Conversation with " + peer;
    }
}
