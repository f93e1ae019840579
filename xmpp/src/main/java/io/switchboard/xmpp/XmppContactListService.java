package io.switchboard.xmpp;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.xmpp.internal.Jids;
import io.switchboard.xmpp.internal.ServiceErrors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * The buddy list (the server-side roster) and presence subscriptions. Smack's {@link Roster}
 * is told to leave subscription requests alone ({@link Roster.SubscriptionMode#manual}); they
 * wait in {@link #pendingRequests()} until the user answers. Servers re-deliver unanswered
 * requests at every sign-in (RFC 6121 3.1.3), so requests that arrived while offline show up too.
 */
public final class XmppContactListService implements ContactListService {

    private final XMPPConnection connection;
    private final Roster roster;
    private final PresenceService presence;
    private final Listeners<ContactListListener> listeners;
    private final Map<Address, SubscriptionRequest> pending = new LinkedHashMap<>();

    XmppContactListService(XMPPConnection connection, Roster roster, PresenceService presence, Executor events) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.listeners = new Listeners<>(events);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.addRosterListener(new RosterTracker());
        roster.addSubscribeListener(this::subscribeReceived);
        roster.addPresenceEventListener(new RevocationTracker());
        // a contact carries its presence: updated when the composed presence changes, not at every
        // presence stanza (the presence service leaves out those that change nothing)
        presence.addListener((address, composed) -> contact(address).ifPresent(c -> listeners.fire(l -> l.contactUpdated(c))));
        // the requester withdrew the request before I answered
        connection.addSyncStanzaListener(stanza -> Jids.address(stanza.getFrom()).ifPresent(this::forget),
                PresenceTypeFilter.UNSUBSCRIBE);
    }

    @Override
    public List<Contact> contacts() {
        return roster.getEntries().stream().map(this::toContact).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Contact::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public Optional<Contact> contact(Address address) {
        return Optional.ofNullable(roster.getEntry(Jids.bare(address))).flatMap(this::toContact);
    }

    @Override
    public List<ContactGroup> groups() {
        Map<String, List<Contact>> byGroup = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Contact c : contacts()) {
            if (c.groups().isEmpty()) {
                byGroup.computeIfAbsent(ContactGroup.UNGROUPED, g -> new ArrayList<>()).add(c);
            }
            for (String g : c.groups()) {
                byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(c);
            }
        }
        return byGroup.entrySet().stream().map(e -> new ContactGroup(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void addContact(Address address, String displayName, Set<String> groups) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "adding " + address);
        try {
            roster.createItemAndRequestSubscription(Jids.bare(address), blankToNull(displayName),
                    groups == null ? new String[0] : groups.toArray(String[]::new));
        } catch (Exception e) {
            throw ServiceErrors.map("adding " + address, e);
        }
    }

    @Override
    public void removeContact(Address address) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "removing " + address);
        RosterEntry entry = existing(address);
        try {
            // subscription='remove' makes the server cancel both subscriptions (RFC 6121 2.5.2)
            roster.removeEntry(entry);
        } catch (Exception e) {
            throw ServiceErrors.map("removing " + address, e);
        }
    }

    @Override
    public void renameContact(Address address, String displayName) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "renaming " + address);
        RosterEntry entry = existing(address);
        pushItem(entry, blankToNull(displayName), groupNames(entry), "renaming " + address);
    }

    @Override
    public void setGroups(Address address, Set<String> groups) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "moving " + address);
        RosterEntry entry = existing(address);
        pushItem(entry, entry.getName(), groups == null ? Set.of() : groups, "moving " + address);
    }

    @Override
    public Collection<SubscriptionRequest> pendingRequests() {
        synchronized (pending) {
            return List.copyOf(pending.values());
        }
    }

    @Override
    public void acceptSubscription(Address from) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "accepting " + from);
        EntityBareJid jid = Jids.bare(from);
        try {
            send(Presence.Type.subscribed, jid);
            forget(from);
            RosterEntry entry = roster.getEntry(jid);
            if (entry == null) {
                roster.createItemAndRequestSubscription(jid, null, new String[0]);
            } else if (!entry.canSeeHisPresence() && !entry.isSubscriptionPending()) {
                roster.sendSubscriptionRequest(jid);
            }
        } catch (Exception e) {
            throw ServiceErrors.map("accepting " + from, e);
        }
    }

    @Override
    public void denySubscription(Address from) throws ServiceException {
        ServiceErrors.requireSignedIn(connection, "denying " + from);
        try {
            send(Presence.Type.unsubscribed, Jids.bare(from));
            forget(from);
        } catch (Exception e) {
            throw ServiceErrors.map("denying " + from, e);
        }
    }

    @Override
    public ListenerRegistration addListener(ContactListListener listener) {
        return listeners.add(listener);
    }

    private SubscribeListener.SubscribeAnswer subscribeReceived(Jid from, Presence request) {
        Jids.address(from).ifPresent(address -> {
            SubscriptionRequest r = new SubscriptionRequest(address, request.getStatus());
            boolean isNew;
            synchronized (pending) {
                isNew = pending.put(address, r) == null;
            }
            if (isNew) {
                listeners.fire(l -> l.subscriptionRequested(r));
            }
        });
        return null;   // no automatic answer: the user decides
    }

    private void forget(Address address) {
        synchronized (pending) {
            pending.remove(address);
        }
    }

    private void send(Presence.Type type, BareJid to) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(type).to(to).build());
    }

    /**
     * Smack has no call to change several groups of an entry at once; a roster set with the
     * whole item does it in one round trip, as RFC 6121 2.4 intends. The server's result can
     * overtake Smack's handling of the roster push, so this waits (up to the reply timeout)
     * until the local roster shows the change: a rename right after a move must not be
     * computed from the stale entry.
     */
    private void pushItem(RosterEntry entry, String name, Set<String> groups, String action) throws ServiceException {
        Set<String> wanted = Set.copyOf(groups.stream().filter(g -> g != null && !g.isBlank()).toList());
        RosterPacket set = new RosterPacket();
        set.setType(IQ.Type.set);
        RosterPacket.Item item = new RosterPacket.Item(entry.getJid(), name);
        wanted.forEach(item::addGroupName);
        set.addRosterItem(item);
        BareJid jid = entry.getJid();
        CountDownLatch applied = new CountDownLatch(1);
        RosterListener watcher = new RosterListener() {
            @Override
            public void entriesUpdated(Collection<Jid> addresses) {
                if (isApplied(jid, name, wanted)) {
                    applied.countDown();
                }
            }

            @Override
            public void entriesAdded(Collection<Jid> addresses) {
            }

            @Override
            public void entriesDeleted(Collection<Jid> addresses) {
            }

            @Override
            public void presenceChanged(Presence presence) {
            }
        };
        roster.addRosterListener(watcher);
        try {
            connection.sendIqRequestAndWaitForResponse(set);
            if (!isApplied(jid, name, wanted)) {
                applied.await(connection.getReplyTimeout(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw ServiceErrors.map(action, e);
        } finally {
            roster.removeRosterListener(watcher);
        }
    }

    private boolean isApplied(BareJid jid, String name, Set<String> groups) {
        RosterEntry now = roster.getEntry(jid);
        return now != null && Objects.equals(now.getName(), name) && groupNames(now).equals(groups);
    }

    private RosterEntry existing(Address address) throws ServiceException {
        RosterEntry entry = roster.getEntry(Jids.bare(address));
        if (entry == null) {
            throw new io.switchboard.core.service.PeerRefusedException("item-not-found",
                    address + " is not in your contact list");
        }
        return entry;
    }

    private Optional<Contact> toContact(RosterEntry entry) {
        return Jids.address(entry.getJid()).map(address -> new Contact(address, entry.getName(), groupNames(entry),
                subscription(entry.getType()), entry.isSubscriptionPending(), presence.presenceOf(address)));
    }

    private Optional<Contact> contactFor(Jid jid) {
        return Optional.ofNullable(roster.getEntry(jid.asBareJid())).flatMap(this::toContact);
    }

    private static Set<String> groupNames(RosterEntry entry) {
        return Set.copyOf(entry.getGroups().stream().map(RosterGroup::getName).toList());
    }

    static SubscriptionState subscription(RosterPacket.ItemType type) {
        if (type == null) {
            return SubscriptionState.NONE;
        }
        return switch (type) {
            case to -> SubscriptionState.TO;
            case from -> SubscriptionState.FROM;
            case both -> SubscriptionState.BOTH;
            case none, remove -> SubscriptionState.NONE;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Runs on Smack's thread: snapshots the contact there, delivers on the session's thread. */
    private final class RosterTracker implements RosterListener {
        @Override
        public void entriesAdded(Collection<Jid> addresses) {
            for (Jid jid : addresses) {
                contactFor(jid).ifPresent(c -> listeners.fire(l -> l.contactAdded(c)));
            }
        }

        @Override
        public void entriesUpdated(Collection<Jid> addresses) {
            for (Jid jid : addresses) {
                contactFor(jid).ifPresent(c -> {
                    if (c.subscription().theySeeMine()) {
                        forget(c.address());   // answered from another device
                    }
                    listeners.fire(l -> l.contactUpdated(c));
                });
            }
        }

        @Override
        public void entriesDeleted(Collection<Jid> addresses) {
            for (Jid jid : addresses) {
                Jids.address(jid).ifPresent(a -> listeners.fire(l -> l.contactRemoved(a)));
            }
        }

        @Override
        public void presenceChanged(Presence p) {
            // followed through the presence service (see the constructor)
        }
    }

    private final class RevocationTracker implements PresenceEventListener {
        @Override
        public void presenceUnsubscribed(BareJid address, Presence p) {
            Jids.address(address).ifPresent(a -> listeners.fire(l -> l.subscriptionRevoked(a)));
        }

        @Override
        public void presenceAvailable(FullJid address, Presence availablePresence) {
        }

        @Override
        public void presenceUnavailable(FullJid address, Presence presence) {
        }

        @Override
        public void presenceError(Jid address, Presence errorPresence) {
        }

        @Override
        public void presenceSubscribed(BareJid address, Presence subscribedPresence) {
        }
    }
}
