package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.disco.ServiceDiscovery;
import io.switchboard.server.xmpp.im.roster.RosterManager;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IQ handling (RFC 6120 §8.2.3, §10): validates the iq, then either answers it for the
 * server, for the user's own account (no {@code to}, or the bare JID: roster, disco, ping), for
 * another account (disco, gated by subscription), or routes it to a bound full JID.
 */
public final class IqDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(IqDispatcher.class);

    /** Namespaces we recognise but do not implement: feature-not-implemented, not service-unavailable. */
    static final Set<String> KNOWN_UNSUPPORTED = Set.of(
            "vcard-temp", "jabber:iq:private", "jabber:iq:version", "jabber:iq:last", "jabber:iq:privacy",
            "jabber:iq:register", "urn:xmpp:blocking", "urn:xmpp:carbons:2", "urn:xmpp:mam:2",
            "http://jabber.org/protocol/commands", "urn:xmpp:time");

    private final Addressing addressing;
    private final SessionRegistry registry;
    private final UserStore users;
    private final RosterStore rosters;
    private final RosterManager roster;
    private final ServiceDiscovery disco;

    public IqDispatcher(Addressing addressing, SessionRegistry registry, UserStore users, RosterStore rosters,
                        RosterManager roster, ServiceDiscovery disco) {
        this.addressing = addressing;
        this.registry = registry;
        this.users = users;
        this.rosters = rosters;
        this.disco = disco;
        this.roster = roster;
    }

    public void handle(ResourceSession session, XmlElement iq) throws StoreException, StanzaException {
        String type = Stanzas.type(iq);
        boolean request = type.equals("get") || type.equals("set");
        if (!request && !type.equals("result") && !type.equals("error")) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "iq type must be get, set, result or error");
        }
        String id = iq.attr("id");
        if (id == null || id.isEmpty()) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "iq without id");
        }
        List<XmlElement> children = iq.elements();
        if (request && children.size() != 1) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "a get or set iq has exactly one child element");
        }
        Optional<Jid> to = addressing.to(iq);
        if (to.isEmpty() || to.get().equals(session.jid().bare())) {
            if (request) {
                forOwnAccount(session, iq, children.get(0));
            }
            return;
        }
        Jid target = to.get();
        if (!addressing.isLocal(target)) {
            if (request) {
                throw new StanzaException(StanzaError.REMOTE_SERVER_NOT_FOUND, "no server-to-server connections");
            }
            return;
        }
        if (target.isFull()) {
            Optional<ResourceSession> resource = registry.find(target);
            if (resource.isPresent()) {
                resource.get().send(iq.withAttribute("from", session.jid().toString()));
            } else if (request) {
                throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, target + " is not connected");
            }
            return;
        }
        if (!request) {
            LOG.debug("Ignoring iq {} to {} from {}", type, target, session);
            return;
        }
        if (!target.hasLocal()) {
            forServer(session, iq, children.get(0));
        } else {
            forOtherAccount(session, iq, children.get(0), target.address().orElseThrow());
        }
    }

    private void forOwnAccount(ResourceSession session, XmlElement iq, XmlElement payload)
            throws StoreException, StanzaException {
        switch (payload.namespace()) {
            case Namespaces.ROSTER -> roster.handle(session, iq, payload);
            case Namespaces.DISCO_INFO -> session.send(disco.accountInfo(getOnly(iq), payload));
            case Namespaces.DISCO_ITEMS -> session.send(disco.items(getOnly(iq), payload));
            case Namespaces.PING -> session.send(Stanzas.iqResult(getOnly(iq)));
            default -> unsupported(payload);
        }
    }

    private void forServer(ResourceSession session, XmlElement iq, XmlElement payload)
            throws StoreException, StanzaException {
        switch (payload.namespace()) {
            case Namespaces.DISCO_INFO -> session.send(disco.serverInfo(getOnly(iq), payload));
            case Namespaces.DISCO_ITEMS -> session.send(disco.items(getOnly(iq), payload));
            case Namespaces.PING -> session.send(Stanzas.iqResult(getOnly(iq)));
            // some clients address their roster to the server: it is still their own roster
            case Namespaces.ROSTER -> roster.handle(session, iq, payload);
            default -> unsupported(payload);
        }
    }

    private void forOtherAccount(ResourceSession session, XmlElement iq, XmlElement payload, Address target)
            throws StoreException, StanzaException {
        if (!users.exists(Addressing.owner(target))) {
            throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "no such user");
        }
        switch (payload.namespace()) {
            // RFC 6121 §2.3.3: only the account itself may touch its roster
            case Namespaces.ROSTER -> throw new StanzaException(StanzaError.FORBIDDEN, "not your roster");
            case Namespaces.DISCO_INFO -> {
                requireSubscribed(session.user(), target);
                session.send(disco.accountInfo(getOnly(iq), payload));
            }
            case Namespaces.DISCO_ITEMS -> {
                requireSubscribed(session.user(), target);
                session.send(disco.items(getOnly(iq), payload));
            }
            default -> throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "no handler for " + payload.namespace());
        }
    }

    /** XEP-0030 §8: an account's info is only for those allowed to see its presence. */
    private void requireSubscribed(Address requester, Address target) throws StoreException, StanzaException {
        Optional<RosterItem> item = rosters.item(Addressing.owner(target), requester);
        if (item.isEmpty() || !item.get().subscription().theySeeMine()) {
            throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "not subscribed to " + target);
        }
    }

    private static XmlElement getOnly(XmlElement iq) throws StanzaException {
        if (!Stanzas.type(iq).equals("get")) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "this namespace only answers get");
        }
        return iq;
    }

    private static void unsupported(XmlElement payload) throws StanzaException {
        if (KNOWN_UNSUPPORTED.contains(payload.namespace())) {
            throw new StanzaException(StanzaError.FEATURE_NOT_IMPLEMENTED, payload.namespace() + " is not implemented");
        }
        throw new StanzaException(StanzaError.SERVICE_UNAVAILABLE, "no service for " + payload.namespace());
    }
}
