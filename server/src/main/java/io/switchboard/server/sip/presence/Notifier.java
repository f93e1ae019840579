package io.switchboard.server.sip.presence;

import io.switchboard.server.sip.transport.ResponseHandler;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.sip.presence.pidf.PidfDocument;
import io.switchboard.sip.presence.pidf.PidfWriter;
import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoWriter;
import io.switchboard.sip.presence.winfo.WatcherList;
import io.switchboard.sip.presence.winfo.WatcherStatus;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipResponses;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends the NOTIFYs of a subscription (RFC 6665 §4.2.2): in its dialog (our tag in
 * From, the watcher's in To, the watcher's Contact as Request-URI, our own CSeq), with
 * Subscription-State and, for an active presence subscription, the {@link PresenceView}'s PIDF; a pending one
 * gets no body, so it learns nothing (RFC 3856 §6.6.2); winfo subscriptions get the full watcher
 * list. A watcher answering 481, any other failure, or not answering at all loses the
 * subscription (RFC 6665 §4.2.2), and {@code onGone} hears of it.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final SipMessaging messaging;
    private final PresenceView presence;
    private final SubscriptionRegistry registry;
    private final Clock clock;
    private final Map<EventPackage, NotifyBodies> otherPackages;
    private final PidfWriter pidfWriter = new PidfWriter();
    private final WatcherInfoWriter winfoWriter = new WatcherInfoWriter();
    private volatile Consumer<Subscription> onGone = s -> { };
    private volatile Written lastWritten;

    public Notifier(SipMessaging messaging, PresenceView presence, SubscriptionRegistry registry, Clock clock) {
        this(messaging, presence, registry, Map.of(), clock);
    }

    /** @param otherPackages the bodies of packages whose state lives elsewhere (message-summary) */
    public Notifier(SipMessaging messaging, PresenceView presence, SubscriptionRegistry registry,
                    Map<EventPackage, NotifyBodies> otherPackages, Clock clock) {
        this.otherPackages = Map.copyOf(otherPackages);
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Who to tell when a subscription ends because its watcher failed a NOTIFY. */
    void onGone(Consumer<Subscription> listener) {
        this.onGone = Objects.requireNonNull(listener, "listener");
    }

    /** The subscription's current state. */
    public void notifyState(Subscription subscription) {
        send(subscription, null);
    }

    /** The final NOTIFY: Subscription-State terminated with {@code reason} (e.g. "timeout"). */
    public void notifyTerminated(Subscription subscription, String reason) {
        send(subscription, reason);
    }

    private void send(Subscription subscription, String terminatedReason) {
        boolean failed = false;
        // one NOTIFY of a subscription at a time: CSeq numbers go out in the order they were
        // taken (a watcher may refuse a lower CSeq in its dialog, RFC 3261 §12.2.2)
        synchronized (subscription) {
            Instant now = clock.instant();
            subscription.notified(now);
            try {
                Request notify = build(subscription, terminatedReason, now);
                messaging.send(notify, new NotifyOutcome(subscription, terminatedReason != null));
            } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
                LOG.debug("cannot send NOTIFY for {}: {}", subscription, e.toString());
                failed = terminatedReason == null;
            }
        }
        if (failed) {
            gone(subscription);
        }
    }

    private Request build(Subscription s, String terminatedReason, Instant now)
            throws ParseException, InvalidArgumentException {
        var headers = messaging.headers();
        var addresses = messaging.addresses();
        URI target = addresses.createURI(s.remoteTarget());
        SipTransport transport = messaging.transportFor(target);
        var from = headers.createFromHeader(addresses.createAddress(addresses.createURI(s.presentityUri())), s.localTag());
        var to = headers.createToHeader(addresses.createAddress(addresses.createURI(s.watcherUri())), s.remoteTag());
        Request notify = messaging.messages().createRequest(target, Request.NOTIFY,
                headers.createCallIdHeader(s.callId()), headers.createCSeqHeader(s.takeCseq(), Request.NOTIFY),
                from, to, new ArrayList<>(List.of(messaging.newVia(transport))), headers.createMaxForwardsHeader(70));
        notify.addHeader(messaging.ownContact(transport));
        EventHeader event = headers.createEventHeader(s.eventPackage().token());
        if (s.eventId() != null) {
            event.setEventId(s.eventId());
        }
        notify.addHeader(event);
        SubscriptionStateHeader state;
        if (terminatedReason != null) {
            state = headers.createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
            state.setReasonCode(terminatedReason);
        } else {
            state = headers.createSubscriptionStateHeader(s.status() == WatcherStatus.ACTIVE
                    ? SubscriptionStateHeader.ACTIVE : SubscriptionStateHeader.PENDING);
            state.setExpires((int) Math.max(0, (s.expiresAt().toEpochMilli() - now.toEpochMilli()) / 1000));
        }
        notify.addHeader(state);
        byte[] body = body(s);
        if (body != null) {
            notify.setContent(body, headers.createContentTypeHeader(s.eventPackage().contentType(),
                    s.eventPackage().contentSubType()));
        }
        return notify;
    }

    /** Null when the watcher may not learn anything (pending presence subscription). */
    private byte[] body(Subscription s) {
        if (s.eventPackage() == EventPackage.PRESENCE_WINFO) {
            return winfoWriter.write(watcherInfo(s));
        }
        if (s.status() != WatcherStatus.ACTIVE) {
            return null;
        }
        NotifyBodies other = otherPackages.get(s.eventPackage());
        if (other != null) {
            return other.body(s);
        }
        PidfDocument current = presence.current(s.presentity(), s.presentityUri());
        // a fan-out sends one document to every watcher (ComposedPresenceView): write it once
        Written last = lastWritten;
        if (last != null && last.document == current) {
            return last.bytes;
        }
        byte[] bytes = pidfWriter.write(current);
        lastWritten = new Written(current, bytes);
        return bytes;
    }

    private record Written(PidfDocument document, byte[] bytes) {
    }

    private WatcherInfo watcherInfo(Subscription winfo) {
        Instant now = clock.instant();
        List<Watcher> watchers = new ArrayList<>();
        for (Subscription s : registry.of(winfo.presentity(), EventPackage.PRESENCE)) {
            watchers.add(new Watcher(s.watcherUri(), s.id(), s.status(), s.lastEvent(), s.watcherDisplayName(),
                    null, Math.max(0, (s.expiresAt().toEpochMilli() - now.toEpochMilli()) / 1000),
                    Math.max(0, (now.toEpochMilli() - s.createdAt().toEpochMilli()) / 1000)));
        }
        return new WatcherInfo(winfo.takeVersion(), WatcherInfo.State.FULL,
                List.of(new WatcherList(winfo.presentityUri(), EventPackage.PRESENCE.token(), watchers)));
    }

    private void gone(Subscription subscription) {
        if (registry.remove(subscription)) {
            subscription.transition(WatcherStatus.TERMINATED, io.switchboard.sip.presence.winfo.WatcherEvent.GIVEUP);
            LOG.debug("{} ended: its watcher did not accept a NOTIFY", subscription);
            onGone.accept(subscription);
        }
    }

    private final class NotifyOutcome implements ResponseHandler {
        private final Subscription subscription;
        private final boolean last;

        NotifyOutcome(Subscription subscription, boolean last) {
            this.subscription = subscription;
            this.last = last;
        }

        @Override
        public void onResponse(ClientTransaction transaction, Response response) {
            int status = response.getStatusCode();
            if (status < 300 || last) {
                return;
            }
            // a 500 may only say this NOTIFY overtook a newer one (RFC 3261 §12.2.2); every NOTIFY
            // carries the whole state, so the subscription lives on unless the answer ends it
            if (SipResponses.endsTheUsage(status)) {
                LOG.debug("NOTIFY for {} answered {}: the subscription ends", subscription, status);
                gone(subscription);
            } else {
                LOG.debug("NOTIFY for {} answered {}: this NOTIFY failed, the subscription stays", subscription,
                        status);
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            if (!last) {
                gone(subscription);
            }
        }
    }
}
