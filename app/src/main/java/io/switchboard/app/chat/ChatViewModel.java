package io.switchboard.app.chat;

import io.switchboard.app.ui.Scheduler;
import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.Notifier;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.Presence;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ContactListService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation window's logic: which conversations are open (tabs), which one is selected,
 * whether the window has focus, unread counts per peer, desktop notifications, and when the
 * window should show itself. Session events arrive on the session's event thread and are moved
 * onto the UI thread before any observable state changes.
 */
public final class ChatViewModel implements Conversations {

    private static final Logger LOG = LoggerFactory.getLogger(ChatViewModel.class);
    private static final int PREVIEW_LENGTH = 120;

    private final ClientSession session;
    private final UiDispatcher ui;
    private final Background background;
    private final Notifier notifier;
    private final Scheduler scheduler;
    private final Clock clock;
    private final LinkOpener links;

    private final ObservableList<ConversationViewModel> conversations = FXCollections.observableArrayList();
    /** The peers of {@link #conversations}, readable from the session's event thread. */
    private final Set<Address> openPeers = ConcurrentHashMap.newKeySet();
    private final ObservableList<ConversationViewModel> readOnlyConversations =
            FXCollections.unmodifiableObservableList(conversations);
    private final ObjectProperty<ConversationViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Map<Address, ReadOnlyIntegerWrapper> unread = new HashMap<>();
    private final List<ListenerRegistration> registrations = new ArrayList<>();
    private Consumer<WindowRequest> windowRequests = request -> { };

    public ChatViewModel(ClientSession session, UiDispatcher ui, Background background, Notifier notifier,
                         Scheduler scheduler, Clock clock, LinkOpener links) {
        this.session = Objects.requireNonNull(session, "session");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Objects.requireNonNull(background, "background");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.links = Objects.requireNonNull(links, "links");

        selected.addListener((obs, old, now) -> markSeenIfVisible());
        windowFocused.addListener((obs, old, now) -> markSeenIfVisible());

        registrations.add(session.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void messageReceived(ChatMessage message) {
                ui.run(() -> received(message));
            }

            @Override
            public void messageUpdated(ChatMessage message) {
                ui.run(() -> find(message.peer()).ifPresent(c -> c.messageUpdated(message)));
            }

            @Override
            public void chatStateChanged(Address peer, ChatState state) {
                ui.run(() -> find(peer).ifPresent(c -> c.peerChatState(state)));
            }
        }));
        // A sign-in adds every contact and updates each with its presence: two UI tasks per contact
        // were thousands in the UI thread's queue (each handed over on its own by JavaFX's GTK
        // glass), and the window waited behind them. Only open conversations show a contact's name.
        registrations.add(session.contacts().addListener(new ContactListService.ContactListListener() {
            @Override
            public void contactAdded(Contact contact) {
                if (openPeers.contains(contact.address())) {
                    ui.run(() -> find(contact.address()).ifPresent(c -> c.displayName(contact.displayName())));
                }
            }

            @Override
            public void contactUpdated(Contact contact) {
                contactAdded(contact);
            }

            @Override
            public void contactRemoved(Address address) {
                if (openPeers.contains(address)) {
                    ui.run(() -> find(address).ifPresent(c -> c.displayName(address.toString())));
                }
            }
        }));
        registrations.add(session.presence().addListener((contact, presence) -> {
            // thousands of presences arrive at sign-in; only those of open conversations need the UI thread
            if (openPeers.contains(contact)) {
                ui.run(() -> find(contact).ifPresent(c -> c.presence(presence)));
            }
        }));
    }

    // ---- Conversations ----

    @Override
    public void open(Address peer) {
        ConversationViewModel conversation = find(peer).orElseGet(() -> add(peer));
        selected.set(conversation);
        unreadWrapper(peer).set(0);
        windowRequests.accept(WindowRequest.SHOW_AND_FOCUS);
    }

    @Override
    public ReadOnlyIntegerProperty unreadCount(Address peer) {
        return unreadWrapper(peer).getReadOnlyProperty();
    }

    // ---- for the view ----

    /** The open conversations, in tab order. */
    public ObservableList<ConversationViewModel> conversations() {
        return readOnlyConversations;
    }

    /** The conversation in the selected tab; the view keeps it in step with its tab pane. */
    public ObjectProperty<ConversationViewModel> selectedProperty() {
        return selected;
    }

    /** Whether the conversation window has the keyboard focus; the view binds it to its stage. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** Something went wrong that is not tied to one message (a link that would not open); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set("");
    }

    /** The view registers here to show, raise or focus its window when asked. */
    public void onWindowRequest(Consumer<WindowRequest> handler) {
        this.windowRequests = Objects.requireNonNull(handler, "handler");
    }

    /** The user closed a tab. */
    public void close(ConversationViewModel conversation) {
        int index = conversations.indexOf(conversation);
        if (index < 0) {
            return;
        }
        conversation.close();
        // nothing left to see in a closed tab: the badge in the buddy list goes too
        unreadWrapper(conversation.peer()).set(0);
        conversations.remove(index);
        openPeers.remove(conversation.peer());
        if (selected.get() == conversation) {
            selected.set(conversations.isEmpty() ? null : conversations.get(Math.min(index, conversations.size() - 1)));
        }
    }

    /** The user closed the window: every tab goes with it. */
    public void closeAll() {
        for (ConversationViewModel c : List.copyOf(conversations)) {
            close(c);
        }
    }

    /** Opens a link of a message off the UI thread; a failure is shown in the window. */
    public void openLink(String url) {
        background.submit("opening " + url, () -> {
            links.open(url);
            return url;
        }, ok -> { }, failure -> {
            LOG.warn("Could not open link {}: {}", url, failure.toString());
            error.set("Could not open " + url + ": " + describe(failure));
        });
    }

    /** Stops listening to the session and cancels this session's timers (the scheduler itself is the caller's). */
    public void dispose() {
        registrations.forEach(ListenerRegistration::close);
        registrations.clear();
        conversations.forEach(ConversationViewModel::close);
    }

    // ---- internals, on the UI thread ----

    private void received(ChatMessage message) {
        Address peer = message.peer();
        Optional<ConversationViewModel> existing = find(peer);
        ConversationViewModel conversation = existing.orElseGet(() -> add(peer));
        if (existing.isEmpty()) {
            if (selected.get() == null) {
                selected.set(conversation);
            }
            windowRequests.accept(WindowRequest.SHOW_IN_BACKGROUND);
        }
        conversation.messageReceived(message);
        if (!isSeen(conversation)) {
            ReadOnlyIntegerWrapper count = unreadWrapper(peer);
            count.set(count.get() + 1);
        }
        if (!windowFocused.get()) {
            notifyUser(conversation, message);
        }
    }

    private void notifyUser(ConversationViewModel conversation, ChatMessage message) {
        Presence own = session.presence().ownPresence();
        if (own != null && own.availability().blocksInterruptions()) {
            LOG.debug("Do not disturb: no notification for a message from {}", message.peer());
            return;
        }
        try {
            notifier.notify(conversation.displayNameProperty().get(), preview(message.body()));
        } catch (RuntimeException e) {
            // a broken notification must not lose the message: the tab and badge still show it
            LOG.warn("Desktop notification failed", e);
        }
    }

    static String preview(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= PREVIEW_LENGTH ? oneLine : oneLine.substring(0, PREVIEW_LENGTH - 1) + "…";
    }

    private boolean isSeen(ConversationViewModel conversation) {
        return windowFocused.get() && selected.get() == conversation;
    }

    private void markSeenIfVisible() {
        ConversationViewModel current = selected.get();
        if (current != null && isSeen(current)) {
            unreadWrapper(current.peer()).set(0);
        }
    }

    private ConversationViewModel add(Address peer) {
        // before reading the presence: a change after that read is then sure to be passed on
        openPeers.add(peer);
        String name = session.contacts().contact(peer).map(Contact::displayName).orElse(peer.toString());
        ConversationViewModel conversation = new ConversationViewModel(peer, name,
                session.presence().presenceOf(peer), unreadWrapper(peer), session.chat(), background, scheduler, clock);
        conversations.add(conversation);
        return conversation;
    }

    private Optional<ConversationViewModel> find(Address peer) {
        return conversations.stream().filter(c -> c.peer().equals(peer)).findFirst();
    }

    private ReadOnlyIntegerWrapper unreadWrapper(Address peer) {
        return unread.computeIfAbsent(peer, p -> new ReadOnlyIntegerWrapper(this, "unread " + p, 0));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
