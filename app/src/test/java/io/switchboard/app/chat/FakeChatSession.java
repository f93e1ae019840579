package io.switchboard.app.chat;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.Conversation;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory session for chat view-model tests. Like the XMPP session it keeps conversations,
 * appends a message before announcing it, and fires every event on its own event thread;
 * {@link #flush()} waits until every event fired so far was delivered.
 */
final class FakeChatSession implements ClientSession {

    static final Address ME = Address.of("alice", "example.org");

    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-session-events");
        t.setDaemon(true);
        return t;
    });
    final FakeChat chat = new FakeChat();
    final FakeContacts contacts = new FakeContacts();
    final FakePresence presence = new FakePresence();

    /** Waits until every event fired so far reached the listeners. */
    void flush() {
        try {
            events.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("event thread stuck", e);
        }
    }

    @Override
    public Address self() {
        return ME;
    }

    @Override
    public String device() {
        return "test";
    }

    @Override
    public SessionState state() {
        return SessionState.CONNECTED;
    }

    @Override
    public void signIn() {
    }

    @Override
    public void signOut() {
    }

    @Override
    public PresenceService presence() {
        return presence;
    }

    @Override
    public ContactListService contacts() {
        return contacts;
    }

    @Override
    public ChatService chat() {
        return chat;
    }

    @Override
    public ListenerRegistration addListener(SessionListener listener) {
        return () -> { };
    }

    @Override
    public void close() {
        events.shutdownNow();
    }

    /** A message some peer sent me. */
    static ChatMessage incoming(String id, Address from, String body) {
        return new ChatMessage(id, from, ChatMessage.Direction.INCOMING, body, "t", "phone", Instant.parse("2026-11-20T09:15:00Z"),
                false, DeliveryState.RECEIVED, "");
    }

    final class FakeChat implements ChatService {
        final Listeners<ChatListener> listeners = new Listeners<>(events);
        final Map<Address, Conversation> conversations = new ConcurrentHashMap<>();
        /** Bodies sent, in order. */
        final List<String> sent = new CopyOnWriteArrayList<>();
        /** Chat states sent, in order. */
        final List<ChatState> states = new CopyOnWriteArrayList<>();
        private final AtomicInteger ids = new AtomicInteger();
        volatile ServiceException failNextSend;

        @Override
        public ChatMessage send(Address to, String body) throws ServiceException {
            String id = "out-" + ids.incrementAndGet();
            DeliveryState state = presence.presenceOf(to).isOnline() ? DeliveryState.SENT : DeliveryState.QUEUED_OFFLINE;
            ChatMessage m = new ChatMessage(id, to, ChatMessage.Direction.OUTGOING, body, "t", "",
                    Instant.parse("2026-11-20T09:20:00Z"), false, state, "");
            Conversation c = conversationWith(to);
            c.append(m);
            ServiceException failure = failNextSend;
            if (failure != null) {
                failNextSend = null;
                c.update(id, DeliveryState.FAILED, failure.getMessage()).ifPresent(u -> listeners.fire(l -> l.messageUpdated(u)));
                throw failure;
            }
            sent.add(body);
            return m;
        }

        @Override
        public void sendChatState(Address to, ChatState state) throws ServiceException {
            states.add(state);
        }

        @Override
        public Conversation conversationWith(Address peer) {
            return conversations.computeIfAbsent(peer, p -> new Conversation(p, "t"));
        }

        @Override
        public List<Conversation> conversations() {
            return new ArrayList<>(conversations.values());
        }

        @Override
        public ListenerRegistration addListener(ChatListener listener) {
            return listeners.add(listener);
        }

        /** The peer's message arrives: stored first, then announced on the event thread. */
        void receive(ChatMessage m) {
            conversationWith(m.peer()).append(m);
            listeners.fire(l -> l.messageReceived(m));
        }

        void update(Address peer, String id, DeliveryState state, String why) {
            conversationWith(peer).update(id, state, why).ifPresent(u -> listeners.fire(l -> l.messageUpdated(u)));
        }

        void peerState(Address peer, ChatState state) {
            conversationWith(peer).peerState(state);
            listeners.fire(l -> l.chatStateChanged(peer, state));
        }
    }

    final class FakeContacts implements ContactListService {
        final Listeners<ContactListListener> listeners = new Listeners<>(events);
        final Map<Address, Contact> contacts = new ConcurrentHashMap<>();

        void put(Address address, String name) {
            Contact contact = new Contact(address, name, Set.of(), SubscriptionState.BOTH, false, null);
            boolean known = contacts.put(address, contact) != null;
            listeners.fire(l -> {
                if (known) {
                    l.contactUpdated(contact);
                } else {
                    l.contactAdded(contact);
                }
            });
        }

        @Override
        public List<Contact> contacts() {
            return List.copyOf(contacts.values());
        }

        @Override
        public Optional<Contact> contact(Address address) {
            return Optional.ofNullable(contacts.get(address));
        }

        @Override
        public List<ContactGroup> groups() {
            return List.of();
        }

        @Override
        public void addContact(Address address, String displayName, Set<String> groups) {
            put(address, displayName);
        }

        @Override
        public void removeContact(Address address) {
            contacts.remove(address);
            listeners.fire(l -> l.contactRemoved(address));
        }

        @Override
        public void renameContact(Address address, String displayName) {
            put(address, displayName);
        }

        @Override
        public void setGroups(Address address, Set<String> groups) {
        }

        @Override
        public Collection<SubscriptionRequest> pendingRequests() {
            return List.of();
        }

        @Override
        public void acceptSubscription(Address from) {
        }

        @Override
        public void denySubscription(Address from) {
        }

        @Override
        public ListenerRegistration addListener(ContactListListener listener) {
            return listeners.add(listener);
        }
    }

    final class FakePresence implements PresenceService {
        final Listeners<PresenceListener> listeners = new Listeners<>(events);
        final Map<Address, Presence> presences = new ConcurrentHashMap<>();
        volatile Presence own = available(Availability.AVAILABLE);

        static Presence available(Availability availability) {
            return new Presence(availability, "", List.of(), Set.of());
        }

        void change(Address contact, Availability availability) {
            Presence p = available(availability);
            presences.put(contact, p);
            listeners.fire(l -> l.presenceChanged(contact, p));
        }

        @Override
        public void setOwnPresence(Availability availability, String note) throws ServiceException {
            if (availability == Availability.OFFLINE) {
                throw new NotConnectedException("offline is not a presence");
            }
            own = new Presence(availability, note, List.of(), Set.of());
        }

        @Override
        public Presence ownPresence() {
            return own;
        }

        @Override
        public Presence presenceOf(Address contact) {
            return presences.getOrDefault(contact, Presence.OFFLINE);
        }

        @Override
        public ListenerRegistration addListener(PresenceListener listener) {
            return listeners.add(listener);
        }
    }
}
