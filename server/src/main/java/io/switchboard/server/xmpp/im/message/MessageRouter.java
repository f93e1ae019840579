package io.switchboard.server.xmpp.im.message;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.Addressing;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.SessionRegistry;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.im.UserLocks;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message routing (RFC 6121 §5 and §8.5). A full JID reaches that resource if it is bound,
 * otherwise the message is treated as sent to the bare JID. A bare JID of a local user forks
 * to every available resource with non-negative priority, unless the recipient already
 * answered this sender from one resource ({@link SessionLocks}). With no XMPP resource to take
 * it, chat and normal messages go to the user's devices on another protocol when there are
 * any ({@link ForeignMessaging}, the SIP gateway of ADR 0016), else to offline storage (also
 * when those devices all refuse); headlines are dropped. A full JID whose resource is a foreign
 * device ({@code sip:...}, as SIP devices appear in presence) goes to that protocol. Errors are
 * never bounced; groupchat has no service here.
 */
public final class MessageRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    private final Addressing addressing;
    private final SessionRegistry registry;
    private final UserStore users;
    private final OfflineMessages offline;
    private final SessionLocks sessionLocks;
    private final UserLocks locks;
    private volatile ForeignMessaging foreign = ForeignMessaging.NONE;

    public MessageRouter(Addressing addressing, SessionRegistry registry, UserStore users, OfflineMessages offline,
                         SessionLocks sessionLocks, UserLocks locks) {
        this.addressing = addressing;
        this.registry = registry;
        this.users = users;
        this.offline = offline;
        this.sessionLocks = sessionLocks;
        this.locks = locks;
    }

    /**
     * Connects the other protocol's side once it exists: the SIP side is built after the IM
     * layer and needs it, so this cannot be a constructor argument (like {@code SipMessaging.bind}).
     */
    public void connect(ForeignMessaging foreignMessaging) {
        this.foreign = Objects.requireNonNull(foreignMessaging, "foreignMessaging");
    }

    public void handle(ResourceSession session, XmlElement message) throws StoreException, StanzaException {
        String type = type(message);
        // RFC 6120 §10.3.1: no 'to' means the sender's own bare JID
        Jid to = addressing.to(message).orElse(session.jid().bare());
        XmlElement stamped = message.withAttribute("from", session.jid().toString())
                .withAttribute("to", to.toString());
        if (type.equals("error")) {
            to.address().ifPresent(a -> registry.find(to).ifPresent(s -> s.send(stamped)));
            return;                                   // never bounced, never stored
        }
        if (!addressing.isLocal(to)) {
            throw new StanzaException(StanzaError.REMOTE_SERVER_NOT_FOUND, "no server-to-server connections");
        }
        if (type.equals("groupchat")) {
            throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "no multi-user chat service");
        }
        Optional<Address> recipientAddress = to.address();
        if (recipientAddress.isEmpty()) {
            throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "the server takes no messages");
        }
        Address recipient = recipientAddress.get();
        if (registry.resources(recipient).isEmpty() && !users.exists(Addressing.owner(recipient))) {
            throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "no such user");
        }
        rememberReply(session, recipient, type, message);

        if (to.isFull()) {
            Optional<ResourceSession> target = registry.find(to);
            if (target.isPresent()) {
                target.get().send(stamped);
                return;
            }
            if (isForeignResource(to.resource()) && !type.equals("headline") && foreign.reachable(recipient)) {
                // a reply to what came from the user's SIP device goes back to SIP
                foreign.deliver(recipient, stamped, () -> fallBack(recipient, stamped));
                return;
            }
        }
        toBareJid(session.user(), recipient, type, stamped);
    }

    /**
     * A message from a user of another protocol (the SIP gateway) to {@code recipient}'s XMPP
     * resources, by the same bare-JID rule as between XMPP users (available, non-negative priority,
     * session locks). Stores nothing; the caller decides what "nobody" means across protocols.
     *
     * @return how many resources it was sent to
     */
    public int deliverToResources(Address sender, Address recipient, XmlElement stamped)
            throws StoreException, StanzaException {
        return locks.withLocks(() -> {
            List<ResourceSession> targets = targets(sender, recipient, "chat");
            targets.forEach(s -> s.send(stamped));
            return targets.size();
        }, recipient);
    }

    /**
     * The last resort for a message nobody took: XMPP resources that became available meanwhile,
     * else offline storage; under the recipient's lock like every "nobody online → store".
     *
     * @return true when an XMPP resource took it, false when it was stored
     */
    public boolean deliverOrStore(Address sender, Address recipient, XmlElement stamped)
            throws StoreException, StanzaException {
        return locks.withLocks(() -> {
            List<ResourceSession> targets = targets(sender, recipient, "chat");
            if (targets.isEmpty()) {
                offline.store(recipient, stamped);
                return false;
            }
            targets.forEach(s -> s.send(stamped));
            return true;
        }, recipient);
    }

    /** Sends {@code stanza} to one full JID if it is still bound (e.g. a receipt made by the gateway). */
    public void sendTo(Jid fullJid, XmlElement stanza) {
        registry.find(fullJid).ifPresent(s -> s.send(stanza));
    }

    /** What {@link #handle} would have done had no foreign device been there: XMPP or storage. */
    private void fallBack(Address recipient, XmlElement stamped) {
        try {
            Jid from = Jid.parse(stamped.attr("from"));
            try {
                deliverOrStore(from.address().orElse(recipient), recipient, stamped);
            } catch (StanzaException full) {
                // the sender hears about it, as when the store is full for an XMPP recipient
                LOG.debug("A message for {} no device took could not be stored: {}", recipient, full.getMessage());
                if (!Stanzas.mustNotBounce(stamped)) {
                    sendTo(from, Stanzas.error(stamped, full.error()));
                }
            }
        } catch (StoreException | RuntimeException e) {
            LOG.warn("A message for {} that no device took could not be stored: {}", recipient, e.getMessage());
        }
    }

    private static boolean isForeignResource(String resource) {
        return resource != null && resource.startsWith("sip:");
    }

    private void toBareJid(Address sender, Address recipient, String type, XmlElement stamped)
            throws StoreException, StanzaException {
        // under the recipient's lock: "nobody online → store" must not race their initial presence
        locks.withLocks(() -> {
            List<ResourceSession> targets = targets(sender, recipient, type);
            if (!targets.isEmpty()) {
                targets.forEach(s -> s.send(stamped));
            } else if (type.equals("headline")) {
                LOG.debug("Dropped a headline for offline {}", recipient);
            } else if (foreign.reachable(recipient)) {
                // no XMPP resource, but a SIP device: the gateway; stored if no device takes it
                foreign.deliver(recipient, stamped, () -> fallBack(recipient, stamped));
            } else {
                offline.store(recipient, stamped);
            }
            return null;
        }, recipient);
    }

    /** The bare-JID forking rule: messageable resources, narrowed to a locked one for chats. */
    private List<ResourceSession> targets(Address sender, Address recipient, String type) {
        List<ResourceSession> targets = registry.messageable(recipient);
        if (!type.equals("headline")) {
            Optional<String> locked = sessionLocks.lockedResource(sender, recipient);
            if (locked.isPresent()) {
                List<ResourceSession> only = targets.stream()
                        .filter(s -> s.resource().equals(locked.get())).toList();
                if (!only.isEmpty()) {
                    targets = only;
                }
            }
        }
        return targets;
    }

    /** A chat reply from one resource locks the other party's messages onto it. */
    private void rememberReply(ResourceSession session, Address recipient, String type, XmlElement message) {
        if (type.equals("chat") && message.child("body").isPresent() && !recipient.equals(session.user())) {
            sessionLocks.lock(recipient, session.user(), session.resource());
        }
    }

    /** RFC 6121 §5.2.2: a missing or unknown type is "normal". */
    private static String type(XmlElement message) {
        String type = Stanzas.type(message);
        return switch (type) {
            case "chat", "error", "groupchat", "headline" -> type;
            default -> "normal";
        };
    }
}
