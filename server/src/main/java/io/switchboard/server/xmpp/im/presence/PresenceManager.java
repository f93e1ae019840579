package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.Addressing;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.SessionRegistry;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.im.StoredStanzaReader;
import io.switchboard.server.xmpp.im.UserLocks;
import io.switchboard.server.xmpp.im.message.OfflineMessages;
import io.switchboard.server.xmpp.im.message.SessionLocks;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.stream.XMLStreamException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence (RFC 6121 §4): broadcast of initial presence, updates and unavailable to the
 * user's subscribers and own resources; answering the probes of initial presence from what
 * the {@link SessionRegistry} knows; directed presence, remembered so that going offline
 * reaches it too; redelivery of pending subscription requests and offline messages on
 * initial presence. Subscription stanzas go to the {@link SubscriptionManager}.
 *
 * <p>Runs on the sending session's serial executor and holds the user's lock while it changes
 * the resource's availability and reads the roster, so that a contact's subscription approval
 * or an offline-storing sender on another thread sees either the old or the new state whole.
 */
public final class PresenceManager {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceManager.class);

    private final Addressing addressing;
    private final SessionRegistry registry;
    private final RosterStore rosters;
    private final SubscriptionManager subscriptions;
    private final PresenceDelivery delivery;
    private final PresenceEngine engine;
    private final OfflineMessages offline;
    private final SessionLocks sessionLocks;
    private final UserLocks locks;
    private final StoredStanzaReader reader;
    private final Clock clock;
    private final XmppPresenceMapper mapper = new XmppPresenceMapper();
    /** Devices of other protocols shown as resources: user → resource → available stanza (no 'to'). */
    private final Map<Address, Map<String, XmlElement>> foreign = new ConcurrentHashMap<>();

    public PresenceManager(Addressing addressing, SessionRegistry registry, RosterStore rosters,
                           SubscriptionManager subscriptions, PresenceDelivery delivery, PresenceEngine engine,
                           OfflineMessages offline, SessionLocks sessionLocks, UserLocks locks,
                           StoredStanzaReader reader, Clock clock) {
        this.addressing = addressing;
        this.registry = registry;
        this.rosters = rosters;
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.engine = engine;
        this.offline = offline;
        this.sessionLocks = sessionLocks;
        this.locks = locks;
        this.reader = reader;
        this.clock = clock;
    }

    public void handle(ResourceSession session, XmlElement presence) throws StoreException, StanzaException {
        String type = Stanzas.type(presence);
        Optional<Jid> to = addressing.to(presence);
        switch (type) {
            case "", "unavailable" -> {
                if (to.isEmpty()) {
                    if (type.isEmpty()) {
                        available(session, presence);
                    } else {
                        unavailable(session, presence);
                    }
                } else {
                    directed(session, presence, to.get(), type.isEmpty());
                }
            }
            case "subscribe", "subscribed", "unsubscribe", "unsubscribed" ->
                    subscriptions.outbound(session, presence, type);
            case "probe" -> probe(session, to);
            case "error" -> to.ifPresent(jid -> delivery.toResource(jid, presence));
            default -> throw new StanzaException(StanzaError.BAD_REQUEST, "unknown presence type '" + type + "'");
        }
    }

    /** The connection is gone: the server says unavailable on its behalf (RFC 6121 §4.5.3.2). */
    public void sessionEnded(ResourceSession session) throws StoreException, StanzaException {
        if (session.isAvailable() || !session.directedPresence().isEmpty()) {
            broadcastUnavailable(session, Stanzas.presence("unavailable", session.jid(), null));
        }
    }

    // --- broadcast presence --------------------------------------------------------------------

    private void available(ResourceSession session, XmlElement presence) throws StoreException, StanzaException {
        int priority = priority(presence);
        Optional<String> show = presence.childText("show");
        if (show.isPresent() && !XmppPresenceMapper.isValidShow(show.get().strip())) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "show must be away, chat, dnd or xa");
        }
        XmlElement broadcast = presence.withAttribute("to", null).withAttribute("from", session.jid().toString());
        Address user = session.user();
        locks.withLocks(() -> {
            boolean initial = !session.isAvailable();
            session.becameAvailable(broadcast, priority);
            engine.update(user, mapper.toDevice(session.resource(), broadcast, priority, clock.instant()));
            sessionLocks.unlockResource(user, session.resource());
            List<RosterItem> roster = rosters.items(Addressing.owner(user));
            for (RosterItem item : roster) {
                if (item.subscription().theySeeMine() && addressing.isLocal(item.contact())) {
                    delivery.toAvailable(item.contact(), broadcast);
                }
            }
            for (ResourceSession own : registry.available(user)) {
                own.send(broadcast.withAttribute("to", own.jid().toString()));
            }
            if (initial) {
                LOG.debug("{} sent initial presence (priority {})", session, priority);
                answerProbes(session, roster);
                ownOtherResources(session);
                redeliverPendingRequests(session);
                if (priority >= 0) {
                    offline.deliver(session);   // XEP-0160
                }
            }
            return null;
        }, user);
    }

    private void unavailable(ResourceSession session, XmlElement presence) throws StoreException, StanzaException {
        XmlElement broadcast = presence.withAttribute("to", null).withAttribute("from", session.jid().toString());
        broadcastUnavailable(session, broadcast);
    }

    private void broadcastUnavailable(ResourceSession session, XmlElement broadcast)
            throws StoreException, StanzaException {
        Address user = session.user();
        locks.withLocks(() -> {
            boolean wasAvailable = session.isAvailable();
            session.becameUnavailable();
            engine.remove(user, session.resource());
            sessionLocks.unlockResource(user, session.resource());
            Set<Address> reached = new HashSet<>();
            if (wasAvailable) {
                for (RosterItem item : rosters.items(Addressing.owner(user))) {
                    if (item.subscription().theySeeMine() && addressing.isLocal(item.contact())) {
                        delivery.toAvailable(item.contact(), broadcast);
                        reached.add(item.contact());
                    }
                }
                for (ResourceSession own : registry.available(user)) {
                    own.send(broadcast.withAttribute("to", own.jid().toString()));
                }
            }
            for (Jid target : session.directedPresence()) {
                if (target.isFull()) {
                    delivery.toResource(target, broadcast);
                } else if (!target.address().map(reached::contains).orElse(true)) {
                    target.address().ifPresent(a -> delivery.toAvailable(a, broadcast));
                }
            }
            session.directedPresence().clear();
            return null;
        }, user);
    }

    // --- devices of other protocols (SIP) --------------------------------------------------------

    /**
     * Shows {@code user}'s devices of other protocols to their XMPP contacts as resources:
     * {@code now} maps each such resource to its available stanza; resources that were shown
     * before and are missing now go unavailable. Contacts who may see the user (and the user's own
     * resources) get what changed; probes and initial presence include them from then on.
     */
    public void foreignDevices(Address user, Map<String, XmlElement> now) throws StoreException, StanzaException {
        locks.withLocks(() -> {
            Map<String, XmlElement> before = foreign.getOrDefault(user, Map.of());
            List<XmlElement> changed = new ArrayList<>();
            now.forEach((resource, stanza) -> {
                if (!stanza.equals(before.get(resource))) {
                    changed.add(stanza);
                }
            });
            for (String gone : before.keySet()) {
                if (!now.containsKey(gone)) {
                    changed.add(Stanzas.presence("unavailable", Jid.of(user, gone), null));
                }
            }
            if (now.isEmpty()) {
                foreign.remove(user);
            } else {
                foreign.put(user, Map.copyOf(now));
            }
            if (changed.isEmpty()) {
                return null;
            }
            for (RosterItem item : rosters.items(Addressing.owner(user))) {
                if (item.subscription().theySeeMine() && addressing.isLocal(item.contact())) {
                    changed.forEach(stanza -> delivery.toAvailable(item.contact(), stanza));
                }
            }
            for (ResourceSession own : registry.available(user)) {
                changed.forEach(stanza -> own.send(stanza.withAttribute("to", own.jid().toString())));
            }
            return null;
        }, user);
    }

    // --- initial presence side effects ---------------------------------------------------------

    /** RFC 6121 §4.3: local contacts are probed by looking at what they last broadcast. */
    private void answerProbes(ResourceSession session, List<RosterItem> roster) {
        for (RosterItem item : roster) {
            if (!item.subscription().iSeeTheirs() || !addressing.isLocal(item.contact())) {
                continue;
            }
            sendPresenceOf(item.contact(), session);
        }
    }

    private void sendPresenceOf(Address contact, ResourceSession session) {
        List<XmlElement> presences = new ArrayList<>(registry.presences(contact));
        presences.addAll(foreign.getOrDefault(contact, Map.of()).values());
        if (presences.isEmpty()) {
            session.send(Stanzas.presence("unavailable", Jid.of(contact, null), session.jid()));
            return;
        }
        for (XmlElement p : presences) {
            session.send(p.withAttribute("to", session.jid().toString()));
        }
    }

    private void ownOtherResources(ResourceSession session) {
        for (ResourceSession own : registry.available(session.user())) {
            if (own != session && own.presence() != null) {
                session.send(own.presence().withAttribute("to", session.jid().toString()));
            }
        }
        for (XmlElement device : foreign.getOrDefault(session.user(), Map.of()).values()) {
            session.send(device.withAttribute("to", session.jid().toString()));
        }
    }

    /** RFC 6121 §3.1.3: requests that arrived while the user was offline are delivered now. */
    private void redeliverPendingRequests(ResourceSession session) throws StoreException {
        for (RosterStore.PendingSubscription pending : rosters.pendingIn(Addressing.owner(session.user()))) {
            XmlElement request;
            try {
                request = reader.read(pending.stanzaXml());
            } catch (XMLStreamException e) {
                LOG.warn("Stored subscription request from {} to {} is unreadable; sending a plain one",
                        pending.from(), session.user(), e);
                request = Stanzas.presence("subscribe", Jid.of(pending.from(), null), null);
            }
            session.send(request.withAttribute("from", pending.from().toJid())
                    .withAttribute("to", session.user().toJid()));
        }
    }

    // --- directed presence and probes ----------------------------------------------------------

    private void directed(ResourceSession session, XmlElement presence, Jid to, boolean available)
            throws StanzaException {
        if (!addressing.isLocal(to)) {
            throw new StanzaException(StanzaError.REMOTE_SERVER_NOT_FOUND, "no server-to-server connections");
        }
        if (!to.hasLocal()) {
            return;   // directed presence to the server itself: nothing to do
        }
        XmlElement stamped = presence.withAttribute("from", session.jid().toString());
        if (to.isFull()) {
            delivery.toResource(to, stamped);
        } else {
            delivery.toAvailable(to.address().orElseThrow(), stamped);
        }
        if (available) {
            session.directedPresence().add(to);      // §4.6.3: they must also learn when we leave
        } else {
            session.directedPresence().remove(to);
        }
    }

    private void probe(ResourceSession session, Optional<Jid> to) throws StoreException {
        // clients should not probe (§4.3); answer only what the user is entitled to see
        if (to.isEmpty() || !addressing.isLocal(to.get()) || to.get().address().isEmpty()) {
            return;
        }
        Address contact = to.get().address().get();
        Optional<RosterItem> item = rosters.item(Addressing.owner(session.user()), contact);
        if (item.map(i -> i.subscription().iSeeTheirs()).orElse(false)) {
            sendPresenceOf(contact, session);
        }
    }

    private static int priority(XmlElement presence) throws StanzaException {
        Optional<String> text = presence.childText("priority");
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int p = Integer.parseInt(text.get().strip());
            if (p < -128 || p > 127) {
                throw new StanzaException(StanzaError.BAD_REQUEST, "priority out of range -128..127");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "priority is not an integer");
        }
    }
}
