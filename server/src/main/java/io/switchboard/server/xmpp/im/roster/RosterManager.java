package io.switchboard.server.xmpp.im.roster;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.Addressing;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.im.UserLocks;
import io.switchboard.server.xmpp.im.presence.SubscriptionManager;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roster get and set (RFC 6121 §2) for the user's own roster, with versioning (§2.6).
 * Removing an item cancels the subscriptions both ways (§2.5.2).
 */
public final class RosterManager {

    /** RFC 6121 §2.3.3 lets a server limit roster size; a UC buddy list never needs more. */
    static final int MAX_ITEMS = 2000;
    static final int MAX_GROUPS_PER_ITEM = 64;
    static final int MAX_TEXT = 1023;

    private final RosterStore rosters;
    private final RosterPusher pusher;
    private final SubscriptionManager subscriptions;
    private final UserLocks locks;

    public RosterManager(RosterStore rosters, RosterPusher pusher, SubscriptionManager subscriptions, UserLocks locks) {
        this.rosters = rosters;
        this.pusher = pusher;
        this.subscriptions = subscriptions;
        this.locks = locks;
    }

    /** An iq in {@code jabber:iq:roster} addressed to the user's own account. */
    public void handle(ResourceSession session, XmlElement iq, XmlElement query) throws StoreException, StanzaException {
        switch (Stanzas.type(iq)) {
            case "get" -> get(session, iq, query);
            case "set" -> set(session, iq, query);
            default -> throw new StanzaException(StanzaError.BAD_REQUEST, "roster iq must be get or set");
        }
    }

    private void get(ResourceSession session, XmlElement iq, XmlElement query) throws StoreException {
        String owner = Addressing.owner(session.user());
        session.markInterested();
        String version = rosters.version(owner);
        String clientVersion = query.attr("ver");
        if (clientVersion != null && clientVersion.equals(version)) {
            session.send(Stanzas.iqResult(iq));        // §2.6.3: the client's cache is current
            return;
        }
        XmlElement.Builder result = XmlElement.builder("query", Namespaces.ROSTER)
                .attr("ver", clientVersion == null ? null : version);
        for (RosterItem item : rosters.items(owner)) {
            result.child(RosterCodec.item(item));
        }
        session.send(Stanzas.iqResult(iq, result.build()));
    }

    private void set(ResourceSession session, XmlElement iq, XmlElement query) throws StoreException, StanzaException {
        List<XmlElement> items = query.elements();
        if (items.size() != 1 || !items.get(0).is("item", Namespaces.ROSTER)) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "a roster set carries exactly one item");
        }
        XmlElement item = items.get(0);
        Address contact = contact(item);
        Address user = session.user();
        if ("remove".equals(item.attr("subscription"))) {
            locks.withLocks(() -> {
                remove(user, contact);
                return null;
            }, user, contact);
        } else {
            String name = item.attr("name");
            Set<String> groups = groups(item);
            if (name != null && name.length() > MAX_TEXT) {
                throw new StanzaException(StanzaError.NOT_ACCEPTABLE, "name is too long");
            }
            locks.withLocks(() -> {
                addOrUpdate(user, contact, name, groups);
                return null;
            }, user);
        }
        session.send(Stanzas.iqResult(iq));
    }

    private void addOrUpdate(Address user, Address contact, String name, Set<String> groups)
            throws StoreException, StanzaException {
        String owner = Addressing.owner(user);
        Optional<RosterItem> existing = rosters.item(owner, contact);
        if (existing.isEmpty() && rosters.items(owner).size() >= MAX_ITEMS) {
            throw new StanzaException(StanzaError.NOT_ALLOWED, "roster is full (" + MAX_ITEMS + " items)");
        }
        // subscription and ask in a set are ignored (§2.1.2): only the server changes them
        RosterItem updated = existing.map(i -> i.withNameAndGroups(name, groups))
                .orElseGet(() -> RosterItem.none(contact).withNameAndGroups(name, groups));
        String version = rosters.put(owner, updated);
        pusher.pushItem(user, updated, version);
    }

    private void remove(Address user, Address contact) throws StoreException, StanzaException {
        String owner = Addressing.owner(user);
        RosterItem item = rosters.item(owner, contact)
                .orElseThrow(() -> new StanzaException(StanzaError.ITEM_NOT_FOUND, contact + " is not in the roster"));
        subscriptions.cancelForRemoval(user, contact, item);
        String version = rosters.remove(owner, contact);
        pusher.pushRemoval(user, contact, version);
    }

    private static Address contact(XmlElement item) throws StanzaException {
        String jid = item.attr("jid");
        if (jid == null) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "item without jid");
        }
        try {
            Jid parsed = Jid.parse(jid);
            if (parsed.isFull() || !parsed.hasLocal()) {
                throw new StanzaException(StanzaError.BAD_REQUEST, "roster items are bare user JIDs");
            }
            return parsed.address().orElseThrow();
        } catch (InvalidAddressException e) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "invalid jid: " + e.getMessage());
        }
    }

    /** §2.3.3: duplicate groups are bad-request, empty or oversized names not-acceptable. */
    private static Set<String> groups(XmlElement item) throws StanzaException {
        Set<String> groups = new LinkedHashSet<>();
        for (XmlElement child : item.elements()) {
            if (!child.is("group", Namespaces.ROSTER)) {
                continue;
            }
            String group = child.text();
            if (group.isEmpty() || group.length() > MAX_TEXT) {
                throw new StanzaException(StanzaError.NOT_ACCEPTABLE, "group names must be 1.." + MAX_TEXT + " characters");
            }
            if (!groups.add(group)) {
                throw new StanzaException(StanzaError.BAD_REQUEST, "duplicate group '" + group + "'");
            }
        }
        if (groups.size() > MAX_GROUPS_PER_ITEM) {
            throw new StanzaException(StanzaError.NOT_ACCEPTABLE, "too many groups");
        }
        return groups;
    }
}
