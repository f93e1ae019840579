package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.presence.PresenceAuthorization;
import io.switchboard.server.presence.WatcherRequests;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent's facade: what happens to subscriptions when a presentity's state changes
 * (throttled NOTIFYs to active watchers), when the set of watchers changes (NOTIFYs to the
 * presentity's winfo subscribers), when subscriptions expire (final NOTIFY, reason timeout), and
 * when the presentity's authorisation changes (pending watchers re-decided through
 * {@link PresenceAuthorization}, the decision the XMPP side uses too).
 */
public final class PresenceAgent {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);

    private final SubscriptionRegistry registry;
    private final Notifier notifier;
    private final NotifyThrottle throttle;
    private final PresenceAuthorization authorization;
    private final WatcherRequests requests;
    private final String domain;
    private final Clock clock;

    public PresenceAgent(SubscriptionRegistry registry, Notifier notifier, NotifyThrottle throttle,
                         PresenceAuthorization authorization, WatcherRequests requests, String domain, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
        notifier.onGone(gone -> watchersChanged(gone.presentity()));
    }

    /** The presentity's published state changed: tell every authorised watcher, throttled. */
    public void presentityChanged(String presentity) {
        List<Subscription> active = new ArrayList<>();
        for (Subscription s : registry.of(presentity, EventPackage.PRESENCE)) {
            if (s.status() == WatcherStatus.ACTIVE) {
                active.add(s);
            }
        }
        throttle.requestAll(active, notifier::notifyState);
    }

    /** The live subscriptions to {@code user}'s {@code eventPackage}, for administration and tests. */
    public List<Subscription> subscriptions(String user, EventPackage eventPackage) {
        return registry.of(user, eventPackage);
    }

    /**
     * The state of a package kept outside the agent changed (a user's mailbox, message-summary):
     * each of the user's active subscriptions to it gets a NOTIFY now. Not throttled: mailboxes
     * change at human pace (RFC 3842 §3.11 sets no minimum interval).
     */
    public void resourceChanged(String user, EventPackage eventPackage) {
        for (Subscription s : registry.of(user, eventPackage)) {
            if (s.status() == WatcherStatus.ACTIVE) {
                notifier.notifyState(s);
            }
        }
    }

    /** Someone started, stopped or changed watching {@code presentity}: tell its winfo subscribers. */
    public void watchersChanged(String presentity) {
        for (Subscription s : registry.of(presentity, EventPackage.PRESENCE_WINFO)) {
            notifier.notifyState(s);
        }
    }

    /**
     * The presentity's roster may have changed (e.g. they answered a request in their XMPP client):
     * pending watchers who are now allowed become active and get the state; local watchers whose
     * request is no longer awaiting an answer were refused, and their subscription ends with
     * {@code Subscription-State: terminated;reason=rejected} (RFC 6665 §4.2.2, RFC 3857).
     */
    public void authorizationChanged(String presentity) {
        boolean changed = false;
        for (Subscription s : registry.of(presentity, EventPackage.PRESENCE)) {
            if (s.status() != WatcherStatus.PENDING) {
                continue;
            }
            if (allowed(s)) {
                s.transition(WatcherStatus.ACTIVE, WatcherEvent.APPROVED);
                notifier.notifyState(s);
                changed = true;
            } else if (refused(s)) {
                reject(s);
                changed = true;
            }
        }
        if (changed) {
            watchersChanged(presentity);
        }
    }

    /**
     * A new presence subscription the roster does not allow: a local watcher's request is filed as
     * an XMPP subscription request the presentity answers in their client (ADR 0014 step 5).
     * Called before the subscription is registered, so it is never seen pending without a request.
     * A foreign watcher (another domain, not authenticated by us) files nothing and stays pending.
     */
    void requestApproval(Subscription s) {
        if (!isLocal(s.watcher())) {
            return;
        }
        try {
            requests.requested(Address.of(s.presentity(), domain), s.watcher());
        } catch (StoreException | RuntimeException e) {
            LOG.warn("cannot file {}'s request to watch {}: {}", s.watcher(), s.presentity(), e.toString());
        }
    }

    /** A pending local watcher with no request awaiting the presentity's answer was refused. */
    boolean refused(Subscription s) {
        if (!isLocal(s.watcher())) {
            return false;
        }
        try {
            return !authorization.awaitingAnswer(Address.of(s.presentity(), domain), s.watcher());
        } catch (StoreException e) {
            LOG.warn("cannot check whether {}'s request to watch {} awaits an answer: {}", s.watcher(),
                    s.presentity(), e.getMessage());
            return false;
        }
    }

    /** Ends a refused subscription with a final NOTIFY, reason rejected. */
    void reject(Subscription s) {
        if (registry.remove(s)) {
            LOG.info("{} refused to let {} watch them: subscription terminated", s.presentity(), s.watcher());
            s.transition(WatcherStatus.TERMINATED, WatcherEvent.REJECTED);
            notifier.notifyTerminated(s, "rejected");
        }
    }

    private boolean isLocal(Address address) {
        return address.domain().equalsIgnoreCase(domain);
    }

    /** Whether {@code s}'s watcher may see the presentity now; a store failure keeps them waiting. */
    boolean allowed(Subscription s) {
        try {
            return authorization.decide(Address.of(s.presentity(), domain), s.watcher())
                    == PresenceAuthorization.Decision.ALLOW;
        } catch (StoreException e) {
            LOG.warn("cannot check whether {} may see {}: {}", s.watcher(), s.presentity(), e.getMessage());
            return false;
        }
    }

    /** Ends expired subscriptions with a final NOTIFY (reason timeout) and updates winfo watchers. */
    public void expireSubscriptions() {
        Instant now = clock.instant();
        for (Subscription s : registry.all()) {
            if (s.expired(now) && registry.remove(s)) {
                s.transition(WatcherStatus.TERMINATED, WatcherEvent.TIMEOUT);
                notifier.notifyTerminated(s, "timeout");
                if (s.eventPackage() == EventPackage.PRESENCE) {
                    watchersChanged(s.presentity());
                }
            }
        }
    }
}
