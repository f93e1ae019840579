package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.Addressing;
import io.switchboard.server.xmpp.im.ResourceSession;
import io.switchboard.server.xmpp.im.StanzaError;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.im.Stanzas;
import io.switchboard.server.xmpp.im.UserLocks;
import io.switchboard.server.xmpp.im.roster.RosterPusher;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.switchboard.core.model.SubscriptionState.BOTH;
import static io.switchboard.core.model.SubscriptionState.FROM;
import static io.switchboard.core.model.SubscriptionState.NONE;
import static io.switchboard.core.model.SubscriptionState.TO;

/**
 * Presence subscriptions (RFC 6121 §3) between local users: the user's outbound
 * subscribe / subscribed / unsubscribe / unsubscribed, processed on the user's side and then,
 * since both parties live on this server, on the contact's side, following the state tables of
 * RFC 6121 Appendix A. Inbound requests are kept with {@link RosterStore#addPendingIn} until the
 * contact answers, so they survive the contact being offline and a restart.
 *
 * <p>Each operation holds the locks of both users ({@link UserLocks}), so two users answering
 * each other at the same moment cannot lose a roster update.
 */
public final class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    private final Addressing addressing;
    private final UserStore users;
    private final RosterStore rosters;
    private final RosterPusher pusher;
    private final PresenceDelivery delivery;
    private final UserLocks locks;

    public SubscriptionManager(Addressing addressing, UserStore users, RosterStore rosters, RosterPusher pusher,
                               PresenceDelivery delivery, UserLocks locks) {
        this.addressing = addressing;
        this.users = users;
        this.rosters = rosters;
        this.pusher = pusher;
        this.delivery = delivery;
        this.locks = locks;
    }

    /** A subscription-related presence from one of the user's resources. */
    public void outbound(ResourceSession session, XmlElement presence, String type)
            throws StoreException, StanzaException {
        Jid to = addressing.to(presence)
                .orElseThrow(() -> new StanzaException(StanzaError.BAD_REQUEST, "subscription presence without 'to'"));
        if (!addressing.isLocal(to)) {
            throw new StanzaException(StanzaError.REMOTE_SERVER_NOT_FOUND, "no server-to-server connections");
        }
        Optional<Address> contactAddress = to.address();
        if (contactAddress.isEmpty()) {
            throw new StanzaException(StanzaError.BAD_REQUEST, "cannot subscribe to the server itself");
        }
        Address user = session.user();
        Address contact = contactAddress.get();
        if (contact.equals(user)) {
            return; // a user always has an implicit subscription to themself (RFC 6121 §3.1.1 note)
        }
        boolean contactExists = users.exists(Addressing.owner(contact));
        // RFC 6121 §3.1.2: the user's server stamps the bare JIDs on subscription stanzas
        XmlElement stamped = presence.withAttribute("from", user.toJid()).withAttribute("to", contact.toJid());
        locks.withLocks(() -> {
            switch (type) {
                case "subscribe" -> subscribe(user, contact, contactExists, stamped);
                case "subscribed" -> subscribed(user, contact, contactExists, stamped);
                case "unsubscribe" -> unsubscribe(user, contact, contactExists, stamped);
                case "unsubscribed" -> unsubscribed(user, contact, contactExists, stamped);
                default -> throw new IllegalArgumentException(type);
            }
            return null;
        }, user, contact);
    }

    /**
     * {@code watcher} asked to see {@code owner}'s presence through another protocol (a SIP
     * SUBSCRIBE, ADR 0014 bridge step 5): processed like an inbound {@code subscribe} on the
     * owner's side (RFC 6121 §3.1.3) — nothing when the owner already lets them, an approval when
     * the owner pre-approved them (§3.4), otherwise a pending request kept in the store and shown
     * to the owner's available resources. The watcher's own roster is not touched: their
     * protocol keeps its side of the subscription.
     */
    public void foreignRequest(Address owner, Address watcher) throws StoreException {
        if (owner.equals(watcher)) {
            return;
        }
        XmlElement request = stanza("subscribe", watcher, owner);
        try {
            locks.withLocks(() -> {
            RosterItem theirs = rosters.item(Addressing.owner(owner), watcher).orElse(null);
            if (theirs != null && theirs.subscription().theySeeMine()) {
                return null;
            }
            if (theirs != null && theirs.preApproved()) {
                save(owner, theirs.withSubscription(addFrom(theirs.subscription())).withPreApproved(false));
                return null;
            }
            rosters.addPendingIn(Addressing.owner(owner), watcher, request.toXml());
            delivery.toAvailable(owner, request);
            return null;
            }, owner, watcher);
        } catch (StanzaException e) {
            throw new IllegalStateException("filing a request raises no stanza error", e);
        }
    }

    /**
     * The owner answered {@code watcher} outside XMPP (an XCAP pres-rules rule, ADR 0019):
     * processed exactly as the owner's outbound {@code subscribed} (approve) or
     * {@code unsubscribed} (refuse), so pending XMPP and SIP watchers learn it the same way.
     */
    public void answer(Address owner, Address watcher, boolean approve) throws StoreException {
        if (owner.equals(watcher)) {
            return;
        }
        boolean watcherExists = addressing.isLocal(watcher) && users.exists(Addressing.owner(watcher));
        try {
            locks.withLocks(() -> {
                if (approve) {
                    subscribed(owner, watcher, watcherExists, stanza("subscribed", owner, watcher));
                } else {
                    unsubscribed(owner, watcher, watcherExists, stanza("unsubscribed", owner, watcher));
                }
                return null;
            }, owner, watcher);
        } catch (StanzaException e) {
            throw new IllegalStateException("an answer raises no stanza error", e);
        }
    }

    /**
     * The user removed {@code contact} from the roster (RFC 6121 §2.5.2): cancel the
     * subscriptions both ways and drop a pending request, on the contact's side. The caller
     * holds the locks of both and removes the user's item itself.
     */
    public void cancelForRemoval(Address user, Address contact, RosterItem item) throws StoreException {
        boolean hadPendingIn = removePendingIn(user, contact);
        if (!addressing.isLocal(contact) || !users.exists(Addressing.owner(contact))) {
            return;
        }
        if (item.subscription().theySeeMine() || hadPendingIn) {
            if (item.subscription().theySeeMine()) {
                delivery.unavailable(user, contact);
            }
            contactReceivesUnsubscribed(contact, user, stanza("unsubscribed", user, contact));
        }
        if (item.subscription().iSeeTheirs() || item.askSubscribe()) {
            contactReceivesUnsubscribe(contact, user, stanza("unsubscribe", user, contact));
        }
    }

    // --- the four outbound types: user side, then contact side -------------------------------

    private void subscribe(Address user, Address contact, boolean contactExists, XmlElement stanza)
            throws StoreException {
        RosterItem item = rosters.item(Addressing.owner(user), contact).orElse(RosterItem.none(contact));
        if (!item.subscription().iSeeTheirs() && !item.askSubscribe()) {
            save(user, item.withAsk(true));          // A.2.1: None → None + Pending Out, From → From + Pending Out
        }
        if (!contactExists) {
            // RFC 6121 §8.5.1: answer a request to a non-existent account with unsubscribed
            userReceivesUnsubscribed(user, contact, stanza("unsubscribed", contact, user));
            return;
        }
        RosterItem theirs = rosters.item(Addressing.owner(contact), user).orElse(null);
        if (theirs != null && theirs.subscription().theySeeMine()) {
            // §3.1.3: already subscribed; the contact's server answers for the contact
            userReceivesSubscribed(user, contact, stanza("subscribed", contact, user));
            delivery.currentPresence(contact, user);
        } else if (theirs != null && theirs.preApproved()) {
            // §3.4: pre-approved, so approve without asking the contact
            RosterItem approved = theirs.withSubscription(addFrom(theirs.subscription())).withPreApproved(false);
            save(contact, approved);
            userReceivesSubscribed(user, contact, stanza("subscribed", contact, user));
            delivery.currentPresence(contact, user);
        } else {
            // §3.1.3: keep the request until the contact answers, deliver it if they are online
            rosters.addPendingIn(Addressing.owner(contact), user, stanza.toXml());
            delivery.toAvailable(contact, stanza);
        }
    }

    private void subscribed(Address user, Address contact, boolean contactExists, XmlElement stanza)
            throws StoreException {
        RosterItem item = rosters.item(Addressing.owner(user), contact).orElse(RosterItem.none(contact));
        boolean pending = hasPendingIn(user, contact);
        if (item.subscription().theySeeMine()) {
            removePendingIn(user, contact);
            return;                                  // A.2.2: already From/Both, nothing to route
        }
        if (!pending) {
            if (!item.preApproved()) {
                save(user, item.withPreApproved(true)); // §3.4 pre-approval
            }
            return;
        }
        // approval first, then the request goes: an observer of the store (a pending SIP watcher,
        // ADR 0014) never sees "no request and not allowed", which reads as a refusal
        save(user, item.withSubscription(addFrom(item.subscription())).withPreApproved(false));
        removePendingIn(user, contact);
        if (contactExists) {
            userReceivesSubscribed(contact, user, stanza);
            delivery.currentPresence(user, contact);  // §3.1.5: the new subscriber sees us at once
        }
    }

    private void unsubscribe(Address user, Address contact, boolean contactExists, XmlElement stanza)
            throws StoreException {
        Optional<RosterItem> item = rosters.item(Addressing.owner(user), contact);
        if (item.isPresent()) {
            RosterItem mine = item.get();
            RosterItem next = mine.withSubscription(removeTo(mine.subscription())).withAsk(false);
            if (!next.equals(mine)) {
                save(user, next);
            }
        }
        if (contactExists) {
            contactReceivesUnsubscribe(contact, user, stanza);
        }
    }

    private void unsubscribed(Address user, Address contact, boolean contactExists, XmlElement stanza)
            throws StoreException {
        removePendingIn(user, contact);
        Optional<RosterItem> item = rosters.item(Addressing.owner(user), contact);
        boolean wasSubscribed = item.map(i -> i.subscription().theySeeMine()).orElse(false);
        if (item.isPresent()) {
            RosterItem mine = item.get();
            RosterItem next = mine.withSubscription(removeFrom(mine.subscription())).withPreApproved(false);
            if (!next.equals(mine)) {
                save(user, next);
            }
        }
        if (contactExists) {
            if (wasSubscribed) {
                delivery.unavailable(user, contact);   // §3.2.2
            }
            contactReceivesUnsubscribed(contact, user, stanza);
        }
    }

    // --- inbound processing on the receiving user's side (Appendix A.3) -----------------------

    /** {@code owner} gets a "subscribed" from {@code from}: only meaningful if owner asked (A.3.2). */
    private void userReceivesSubscribed(Address owner, Address from, XmlElement stanza) throws StoreException {
        Optional<RosterItem> item = rosters.item(Addressing.owner(owner), from);
        if (item.isEmpty() || !item.get().askSubscribe()) {
            LOG.debug("{} got an unrequested 'subscribed' from {}: ignored", owner, from);
            return;
        }
        RosterItem mine = item.get();
        save(owner, mine.withSubscription(addTo(mine.subscription())).withAsk(false));
        delivery.toAvailable(owner, stanza);
    }

    /** {@code owner}'s subscription to {@code from} is cancelled or refused (A.3.4). */
    private void userReceivesUnsubscribed(Address owner, Address from, XmlElement stanza) throws StoreException {
        Optional<RosterItem> item = rosters.item(Addressing.owner(owner), from);
        if (item.isEmpty() || !(item.get().subscription().iSeeTheirs() || item.get().askSubscribe())) {
            return;
        }
        RosterItem mine = item.get();
        save(owner, mine.withSubscription(removeTo(mine.subscription())).withAsk(false));
        delivery.toAvailable(owner, stanza);
    }

    private void contactReceivesUnsubscribed(Address contact, Address from, XmlElement stanza) throws StoreException {
        userReceivesUnsubscribed(contact, from, stanza);
    }

    /** {@code from} no longer wants {@code contact}'s presence (A.3.3). */
    private void contactReceivesUnsubscribe(Address contact, Address from, XmlElement stanza) throws StoreException {
        boolean hadPending = removePendingIn(contact, from);
        Optional<RosterItem> item = rosters.item(Addressing.owner(contact), from);
        if (item.isPresent() && item.get().subscription().theySeeMine()) {
            RosterItem theirs = item.get();
            save(contact, theirs.withSubscription(removeFrom(theirs.subscription())));
            delivery.toAvailable(contact, stanza);
            delivery.unavailable(contact, from);     // §3.3.3
        } else if (hadPending) {
            LOG.debug("{} withdrew the request to {}", from, contact);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private void save(Address owner, RosterItem item) throws StoreException {
        String version = rosters.put(Addressing.owner(owner), item);
        pusher.pushItem(owner, item, version);
    }

    private boolean hasPendingIn(Address owner, Address from) throws StoreException {
        return rosters.pendingIn(Addressing.owner(owner)).stream().anyMatch(p -> p.from().equals(from));
    }

    private boolean removePendingIn(Address owner, Address from) throws StoreException {
        boolean pending = hasPendingIn(owner, from);
        if (pending) {
            rosters.removePendingIn(Addressing.owner(owner), from);
        }
        return pending;
    }

    private static XmlElement stanza(String type, Address from, Address to) {
        return Stanzas.presence(type, Jid.of(from, null), Jid.of(to, null));
    }

    static SubscriptionState addFrom(SubscriptionState s) {
        return s == TO || s == BOTH ? BOTH : FROM;
    }

    static SubscriptionState addTo(SubscriptionState s) {
        return s == FROM || s == BOTH ? BOTH : TO;
    }

    static SubscriptionState removeFrom(SubscriptionState s) {
        return s == BOTH || s == TO ? TO : NONE;
    }

    static SubscriptionState removeTo(SubscriptionState s) {
        return s == BOTH || s == FROM ? FROM : NONE;
    }
}
