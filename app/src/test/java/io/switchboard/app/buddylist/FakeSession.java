package io.switchboard.app.buddylist;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.event.SerialExecutor;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.PeerRefusedException;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory session whose services behave like the XMPP ones as far as the buddy list can
 * tell: state kept in memory, every change announced to listeners on the session's own event
 * thread (one at a time, in order), a presence change announced both as presenceChanged and
 * as contactUpdated.
 */
final class FakeSession implements ClientSession {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-session-events");
        t.setDaemon(true);
        return t;
    });
    private final SerialExecutor events = new SerialExecutor(thread);
    private final Listeners<SessionListener> sessionListeners = new Listeners<>(events);
    final FakeContacts contacts = new FakeContacts();
    final FakePresence presence = new FakePresence();
    /** Line state for the phone-status lamps; null: a session without it, as XMPP's. */
    volatile FakeLineStates lineStates;

    @Override
    public java.util.Optional<io.switchboard.core.service.LineStateService> lineStates() {
        return java.util.Optional.ofNullable(lineStates);
    }

    @Override
    public Address self() {
        return Address.parse("me@example.com");
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
        throw new UnsupportedOperationException("the buddy list does not chat");
    }

    @Override
    public ListenerRegistration addListener(SessionListener listener) {
        return sessionListeners.add(listener);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    void fireState(SessionState state) {
        sessionListeners.fire(l -> l.stateChanged(state, Optional.empty()));
    }

    /** Waits until every event queued so far has been delivered. */
    void awaitEvents() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        events.execute(() -> done.complete(null));
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("event thread stuck", e);
        }
    }

    int listenerCount() {
        return sessionListeners.size() + contacts.listeners.size() + presence.listeners.size();
    }

    // ---- builders for tests ------------------------------------------------------------

    static Contact contact(String address, String name, String... groups) {
        return new Contact(Address.parse(address), name, Set.of(groups), SubscriptionState.BOTH, false, Presence.OFFLINE);
    }

    static Presence presence(Availability availability, String note, String... devices) {
        List<DevicePresence> list = new ArrayList<>();
        for (String d : devices) {
            list.add(DevicePresence.of(d, availability, note));
        }
        return new Presence(availability, note, list, Set.of());
    }

    /** The contact list, with a failure switch. */
    final class FakeContacts implements ContactListService {
        final Listeners<ContactListListener> listeners = new Listeners<>(events);
        private final Map<Address, Contact> byAddress = new LinkedHashMap<>();
        private final Map<Address, SubscriptionRequest> pending = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        final AtomicReference<ServiceException> nextFailure = new AtomicReference<>();

        @Override
        public synchronized List<Contact> contacts() {
            return List.copyOf(byAddress.values());
        }

        @Override
        public synchronized Optional<Contact> contact(Address address) {
            return Optional.ofNullable(byAddress.get(address));
        }

        @Override
        public synchronized List<ContactGroup> groups() {
            Map<String, List<Contact>> groups = new TreeMap<>();
            for (Contact c : byAddress.values()) {
                for (String g : c.groups().isEmpty() ? Set.of(ContactGroup.UNGROUPED) : c.groups()) {
                    groups.computeIfAbsent(g, x -> new ArrayList<>()).add(c);
                }
            }
            return groups.entrySet().stream().map(e -> new ContactGroup(e.getKey(), e.getValue())).toList();
        }

        @Override
        public void addContact(Address address, String displayName, Set<String> groups) throws ServiceException {
            call("add " + address + " '" + displayName + "' " + groups);
            put(new Contact(address, displayName, groups, SubscriptionState.NONE, true, Presence.OFFLINE));
        }

        @Override
        public void removeContact(Address address) throws ServiceException {
            call("remove " + address);
            existing(address);
            synchronized (this) {
                byAddress.remove(address);
            }
            listeners.fire(l -> l.contactRemoved(address));
        }

        @Override
        public void renameContact(Address address, String displayName) throws ServiceException {
            call("rename " + address + " '" + displayName + "'");
            update(existing(address).withDisplayName(displayName));
        }

        @Override
        public void setGroups(Address address, Set<String> groups) throws ServiceException {
            call("groups " + address + " " + new java.util.TreeSet<>(groups));
            update(existing(address).withGroups(groups));
        }

        @Override
        public synchronized Collection<SubscriptionRequest> pendingRequests() {
            return List.copyOf(pending.values());
        }

        @Override
        public void acceptSubscription(Address from) throws ServiceException {
            call("accept " + from);
            synchronized (this) {
                pending.remove(from);
            }
        }

        @Override
        public void denySubscription(Address from) throws ServiceException {
            call("deny " + from);
            synchronized (this) {
                pending.remove(from);
            }
        }

        @Override
        public ListenerRegistration addListener(ContactListListener listener) {
            return listeners.add(listener);
        }

        // ---- what the server does --------------------------------------------------------

        /** A roster push adding a contact. */
        void put(Contact c) {
            synchronized (this) {
                byAddress.put(c.address(), c);
            }
            listeners.fire(l -> l.contactAdded(c));
        }

        /** Loads contacts without events, as if they were there before the view model came. */
        synchronized void preload(Collection<Contact> list) {
            list.forEach(c -> byAddress.put(c.address(), c));
        }

        void update(Contact c) {
            synchronized (this) {
                byAddress.put(c.address(), c);
            }
            listeners.fire(l -> l.contactUpdated(c));
        }

        void requestSubscription(Address from, String message) {
            SubscriptionRequest r = new SubscriptionRequest(from, message);
            synchronized (this) {
                pending.put(from, r);
            }
            listeners.fire(l -> l.subscriptionRequested(r));
        }

        void settleRequest(Address from) {
            synchronized (this) {
                pending.remove(from);
            }
            listeners.fire(l -> l.subscriptionRequestSettled(from));
        }

        synchronized void preloadRequest(Address from) {
            pending.put(from, new SubscriptionRequest(from, ""));
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        private void call(String what) throws ServiceException {
            ServiceException failure = nextFailure.getAndSet(null);
            synchronized (this) {
                calls.add(what);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private synchronized Contact existing(Address address) throws ServiceException {
            Contact c = byAddress.get(address);
            if (c == null) {
                throw new PeerRefusedException("item-not-found", address + " is not in your contact list");
            }
            return c;
        }
    }

    /** Presence of contacts; changing it updates the contact list too, as XMPP does. */
    final class FakePresence implements PresenceService {
        final Listeners<PresenceListener> listeners = new Listeners<>(events);

        @Override
        public void setOwnPresence(Availability availability, String note) {
        }

        @Override
        public Presence ownPresence() {
            return Presence.OFFLINE;
        }

        @Override
        public Presence presenceOf(Address contact) {
            return contacts.contact(contact).map(Contact::presence).orElse(Presence.OFFLINE);
        }

        @Override
        public ListenerRegistration addListener(PresenceListener listener) {
            return listeners.add(listener);
        }

        /** A contact's presence changed: both events, as the XMPP session sends them. */
        void change(Address who, Presence p) {
            Contact updated;
            synchronized (contacts) {
                updated = contacts.byAddress.get(who).withPresence(p);
                contacts.byAddress.put(who, updated);
            }
            listeners.fire(l -> l.presenceChanged(who, p));
            contacts.listeners.fire(l -> l.contactUpdated(updated));
        }
    }
}
