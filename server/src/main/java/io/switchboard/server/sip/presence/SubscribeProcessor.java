package io.switchboard.server.sip.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.sip.ExpiryBounds;
import io.switchboard.server.sip.LimitExceededException;
import io.switchboard.server.sip.SipResponses;
import io.switchboard.server.sip.SipUsers;
import io.switchboard.server.sip.auth.SipDigestAuthenticator;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherStatus;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE for {@code presence} (RFC 3856), {@code presence.winfo} (RFC 3857),
 * {@code message-summary} (RFC 3842, the user's own mailbox only) and {@code dialog} (RFC 4235,
 * any user's or desk line's calls, to any authenticated user of our domain: ADR 0026), as the
 * notifier of RFC 6665 §4.2: a new subscription is authorised (presence through
 * {@link PresenceAuthorization}; winfo and message-summary only by the user themself), answered 200 with our tag and
 * Expires, and followed at once by its first NOTIFY. A refresh in the dialog extends it (and
 * re-checks a pending watcher), Expires: 0 ends it with a final NOTIFY, and an initial SUBSCRIBE
 * with Expires: 0 is a fetch: one NOTIFY with the current state and no subscription kept.
 */
public final class SubscribeProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribeProcessor.class);

    private final SipUsers sipUsers;
    private final UserStore users;
    private final SipDigestAuthenticator authenticator;
    private final SubscriptionRegistry registry;
    private final Notifier notifier;
    private final PresenceAgent agent;
    private final ExpiryBounds bounds;
    private final String domain;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SubscribeProcessor(SipUsers sipUsers, UserStore users, SipDigestAuthenticator authenticator,
                              SubscriptionRegistry registry, Notifier notifier, PresenceAgent agent,
                              ExpiryBounds bounds, String domain, Clock clock) {
        this.sipUsers = Objects.requireNonNull(sipUsers, "sipUsers");
        this.users = Objects.requireNonNull(users, "users");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Over UDP a SUBSCRIBE gets no JAIN-SIP server transaction: the dispatcher remembers its answer
     * and repeats it to a retransmission, so a copy never makes a second subscription or a second
     * NOTIFY. Two transactions per subscription kept 32 s each were most of the heap under
     * SUBSCRIBE load (ADR 0033).
     */
    @Override
    public boolean answerRemembered() {
        return true;
    }

    @Override
    public void process(IncomingRequest in) {
        Request request = in.request();
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        Optional<EventPackage> eventPackage = event == null ? Optional.empty()
                : EventPackage.fromToken(event.getEventType());
        if (eventPackage.isEmpty()) {
            badEvent(in, EventPackage.values());
            return;
        }
        // in a dialog the Request-URI is our Contact (no user in it); the presentity is in To
        URI target = in.inDialog() ? ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI()
                : request.getRequestURI();
        Optional<String> presentity = sipUsers.localUser(target);
        try {
            if (presentity.isEmpty() || !users.exists(presentity.get())) {
                in.respond(Response.NOT_FOUND);
                return;
            }
        } catch (StoreException e) {
            LOG.warn("cannot look up {}: {}", presentity.get(), e.getMessage());
            in.respond(Response.SERVER_INTERNAL_ERROR);
            return;
        }
        Optional<Address> watcher = watcher(in);
        if (watcher.isEmpty()) {
            return;
        }
        ExpiresHeader expiresHeader = request.getExpires();
        long asked = expiresHeader == null ? -1 : expiresHeader.getExpires();
        if (eventPackage.get() == EventPackage.DIALOG && !in.inDialog() && !accepts(request, eventPackage.get())) {
            // RFC 6665 §4.2.1.1: we cannot send a body the subscriber would take (checked for the
            // newest package only: older ones have long been served to clients that list other types)
            in.respond(Response.NOT_ACCEPTABLE);
            return;
        }
        if (bounds.tooBrief(asked)) {
            SipResponses.tooBrief(in, bounds);
            return;
        }
        long expires = bounds.grant(asked);
        if (in.inDialog()) {
            refresh(in, expires);
        } else {
            create(in, eventPackage.get(), presentity.get(), watcher.get(), event.getEventId(), expires);
        }
    }

    /** The watcher: a local From must be the authenticated user; a foreign one is taken as it is. */
    private Optional<Address> watcher(IncomingRequest in) {
        FromHeader from = (FromHeader) in.request().getHeader(FromHeader.NAME);
        if (!sipUsers.isLocalDomain(from.getAddress().getURI())) {
            try {
                SipURI uri = (SipURI) from.getAddress().getURI();
                return Optional.of(Address.of(uri.getUser(), uri.getHost()));
            } catch (InvalidAddressException | ClassCastException e) {
                in.respond(Response.FORBIDDEN);
                return Optional.empty();
            }
        }
        Optional<String> authenticated = authenticator.authenticate(in, SipDigestAuthenticator.Role.REGISTRAR);
        if (authenticated.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> claimed = sipUsers.localUser(from.getAddress().getURI());
        if (claimed.isEmpty() || !claimed.get().equals(authenticated.get())) {
            in.respond(Response.FORBIDDEN);
            return Optional.empty();
        }
        return Optional.of(Address.of(authenticated.get(), domain));
    }

    private void create(IncomingRequest in, EventPackage eventPackage, String presentity, Address watcher,
                        String eventId, long expires) {
        Request request = in.request();
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null || contact.getAddress() == null) {
            in.respond(Response.BAD_REQUEST); // RFC 6665 §4.1.2.1: a SUBSCRIBE needs a Contact
            return;
        }
        WatcherStatus status;
        WatcherEvent why = WatcherEvent.SUBSCRIBE;
        if (eventPackage == EventPackage.PRESENCE_WINFO || eventPackage == EventPackage.MESSAGE_SUMMARY) {
            // who watches me, and my mailbox (RFC 3842 §3.7: authorise the subscriber), are mine alone
            if (!watcher.equals(Address.of(presentity, domain))) {
                LOG.info("{} may not subscribe to {} of {}", watcher, eventPackage.token(), presentity);
                in.respond(Response.FORBIDDEN);
                return;
            }
            status = WatcherStatus.ACTIVE;
        } else if (eventPackage == EventPackage.DIALOG) {
            // enterprise BLF (ADR 0026): every authenticated colleague may see whether a phone is in use
            if (!watcher.domain().equalsIgnoreCase(domain)) {
                LOG.info("{} of another domain may not watch the calls of {}", watcher, presentity);
                in.respond(Response.FORBIDDEN);
                return;
            }
            status = WatcherStatus.ACTIVE;
        } else {
            status = WatcherStatus.PENDING;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        Instant now = clock.instant();
        Subscription subscription = new Subscription(newId(), eventPackage, presentity, watcher,
                from.getAddress().getURI().toString(), from.getAddress().getDisplayName(),
                to.getAddress().getURI().toString(), ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                in.localTag(), from.getTag(), eventId, contact.getAddress().getURI().toString(), now,
                now.plusSeconds(expires), status, why);
        if (eventPackage == EventPackage.PRESENCE && agent.allowed(subscription)) {
            subscription.transition(WatcherStatus.ACTIVE, WatcherEvent.SUBSCRIBE);
        } else if (eventPackage == EventPackage.PRESENCE && expires > 0) {
            // filed before the subscription is registered: it is never seen pending without a request
            agent.requestApproval(subscription);
        }
        if (expires > 0) {
            try {
                registry.add(subscription);
            } catch (LimitExceededException e) {
                LOG.info("SUBSCRIBE of {} to {} refused: {}", watcher, presentity, e.getMessage());
                SipResponses.limitExceeded(in, e);
                return;
            }
            // a pre-approval, or an answer given while we filed the request, allows them already
            if (subscription.status() == WatcherStatus.PENDING && agent.allowed(subscription)) {
                subscription.transition(WatcherStatus.ACTIVE, WatcherEvent.APPROVED);
            }
        }
        ok(in, expires);
        if (expires == 0) {
            // a fetch: the state once, nothing kept (RFC 6665 §4.4.3)
            notifier.notifyTerminated(subscription, "timeout");
            return;
        }
        notifier.notifyState(subscription);
        if (eventPackage == EventPackage.PRESENCE) {
            agent.watchersChanged(presentity);
        }
    }

    private void refresh(IncomingRequest in, long expires) {
        String callId = ((CallIdHeader) in.request().getHeader(CallIdHeader.NAME)).getCallId();
        Optional<Subscription> found = registry.find(callId, in.localTag());
        if (found.isEmpty()) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Subscription subscription = found.get();
        ok(in, expires);
        if (expires == 0) {
            if (registry.remove(subscription)) {
                subscription.transition(WatcherStatus.TERMINATED, WatcherEvent.TIMEOUT);
                notifier.notifyTerminated(subscription, "timeout");
                if (subscription.eventPackage() == EventPackage.PRESENCE) {
                    agent.watchersChanged(subscription.presentity());
                }
            }
            return;
        }
        subscription.expiresAt(clock.instant().plusSeconds(expires));
        if (subscription.status() == WatcherStatus.PENDING && agent.allowed(subscription)) {
            subscription.transition(WatcherStatus.ACTIVE, WatcherEvent.APPROVED);
            agent.watchersChanged(subscription.presentity());
        } else if (subscription.status() == WatcherStatus.PENDING && agent.refused(subscription)) {
            agent.reject(subscription);
            agent.watchersChanged(subscription.presentity());
            return;
        }
        notifier.notifyState(subscription);
    }

    private static void ok(IncomingRequest in, long expires) {
        Response ok = in.createResponse(Response.OK);
        try {
            ok.addHeader(in.messaging().headers().createExpiresHeader((int) expires));
            ok.addHeader(in.messaging().ownContact(in.messaging().transportOf(in.source())));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        in.send(ok);
    }

    /** No Accept means the package's default type; otherwise one entry must take its type. */
    private static boolean accepts(Request request, EventPackage eventPackage) {
        java.util.ListIterator<?> accepts = request.getHeaders(javax.sip.header.AcceptHeader.NAME);
        if (accepts == null || !accepts.hasNext()) {
            return true;
        }
        while (accepts.hasNext()) {
            javax.sip.header.AcceptHeader accept = (javax.sip.header.AcceptHeader) accepts.next();
            String type = accept.getContentType();
            String subType = accept.getContentSubType();
            if (type == null || "*".equals(type) || type.equalsIgnoreCase(eventPackage.contentType())
                    && (subType == null || "*".equals(subType) || subType.equalsIgnoreCase(eventPackage.contentSubType()))) {
                return true;
            }
        }
        return false;
    }

    private String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** 489 Bad Event with the packages we do serve (RFC 6665 §8.2.2). */
    static void badEvent(IncomingRequest in, EventPackage... served) {
        Response response = in.createResponse(Response.BAD_EVENT);
        try {
            for (EventPackage p : served) {
                response.addHeader(in.messaging().headers().createAllowEventsHeader(p.token()));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        in.send(response);
    }
}
