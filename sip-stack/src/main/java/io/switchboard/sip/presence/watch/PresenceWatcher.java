package io.switchboard.sip.presence.watch;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Presence;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.RequestSequence;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import io.switchboard.sip.ua.SipTimeoutException;
import io.switchboard.sip.ua.transaction.OutgoingRequest;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.DialogState;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches contacts' presence (RFC 6665 with the presence package of RFC 3856): one SUBSCRIBE
 * dialog per contact, refreshed in the dialog at half its lifetime, NOTIFYs answered by
 * {@link NotifyProcessor} and turned into {@link WatcherListener} events. A terminated
 * subscription the user still wants is renewed from scratch as its reason says
 * ({@link SubscriptionStatus#resubscribeAfter}); 481 to a refresh does the same. {@link #fetch}
 * asks once (Expires 0).
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class PresenceWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceWatcher.class);
    private static final long MIN_REFRESH_MILLIS = 500;

    private final SipContext context;
    private final Listeners<WatcherListener> listeners;
    private final Map<Address, PresenceSubscription> byContact = new HashMap<>();
    /** Read by NotifyProcessor on JAIN-SIP threads, written on the protocol thread. */
    private final Map<String, PresenceSubscription> byCallId = new ConcurrentHashMap<>();
    private final Map<Address, Presence> lastPresence = new ConcurrentHashMap<>();
    private final Map<Address, SubscriptionStatus> lastStatus = new ConcurrentHashMap<>();
    private final int requestedExpires;

    public PresenceWatcher(SipContext context) {
        this.context = context;
        this.listeners = new Listeners<>(context.events());
        this.requestedExpires = (int) Math.min(Integer.MAX_VALUE, context.account().expires().toSeconds());
    }

    /** The NOTIFY processor to register with the dispatcher. */
    public RequestProcessor notifyProcessor(PidfParser parser, PidfAvailabilityMapping mapping, Clock clock) {
        return new NotifyProcessor(this, parser, mapping, clock);
    }

    public ListenerRegistration addListener(WatcherListener listener) {
        return listeners.add(listener);
    }

    /** The last presence a NOTIFY brought for {@code contact}. */
    public Optional<Presence> presence(Address contact) {
        return Optional.ofNullable(lastPresence.get(contact));
    }

    /** The last known state of the subscription to {@code contact}. */
    public Optional<SubscriptionStatus> status(Address contact) {
        return Optional.ofNullable(lastStatus.get(contact));
    }

    /**
     * Subscribes to {@code contact}'s presence and keeps the subscription up until
     * {@link #unsubscribe}. Completes when the server accepted the SUBSCRIBE (the presence itself
     * arrives by NOTIFY), or exceptionally with a typed failure; after a proxy failure the
     * subscription is retried in the background.
     */
    public CompletableFuture<Void> subscribe(Address contact) {
        return context.onProtocolThread(() -> {
            PresenceSubscription existing = byContact.get(contact);
            if (existing != null && existing.wanted) {
                return CompletableFuture.completedFuture(null);
            }
            return start(contact);
        });
    }

    /** Ends the subscription to {@code contact} (SUBSCRIBE with Expires 0 in its dialog). */
    public CompletableFuture<Void> unsubscribe(Address contact) {
        return context.onProtocolThread(() -> {
            PresenceSubscription subscription = byContact.remove(contact);
            if (subscription == null) {
                return CompletableFuture.completedFuture(null);
            }
            subscription.wanted = false;
            subscription.cancelTimer();
            lastPresence.remove(contact);
            if (subscription.dialog == null || subscription.dialog.getState() == DialogState.TERMINATED) {
                forget(subscription);
                return CompletableFuture.completedFuture(null);
            }
            // keep answering the final NOTIFY with 200 for a while, then forget the dialog
            subscription.timer = schedule(context.settings().requestTimeout().toMillis() * 2, () -> forget(subscription));
            return context.send(inDialog(subscription, 0)).thenAccept(response -> { });
        });
    }

    /** Asks once for {@code contact}'s presence (SUBSCRIBE with Expires 0, RFC 6665 §4.4.3). */
    public CompletableFuture<Presence> fetch(Address contact) {
        return context.onProtocolThread(() -> {
            PresenceSubscription fetch = new PresenceSubscription(contact,
                    new RequestSequence(context, Request.SUBSCRIBE), true);
            fetch.wanted = false;
            byCallId.put(fetch.callId(), fetch);
            fetch.timer = schedule(context.settings().requestTimeout().toMillis() * 2, () -> {
                forget(fetch);
                fetch.fetched.completeExceptionally(new SipTimeoutException("no NOTIFY for the fetch of " + contact));
            });
            context.send(initialRequest(fetch, 0)).whenComplete((response, failure) -> {
                Exception problem = failure != null ? ProxyFailures.asException(failure)
                        : SipResponses.isSuccess(response) ? null : SipResponses.rejection(Request.SUBSCRIBE, response);
                if (problem != null) {
                    fetch.cancelTimer();
                    forget(fetch);
                    fetch.fetched.completeExceptionally(problem);
                }
            });
            return fetch.fetched;
        });
    }

    /**
     * Requests now go through another proxy (failover to the backup, or failback to the primary).
     * The dialogs we hold belong to the presence server behind the proxy we left, which is dead or
     * no longer ours: every wanted subscription is started again now through the current proxy
     * (new dialog), instead of going silent until a refresh meets a 481. The old dialogs are ended
     * with Expires 0, best effort: a live old server stops notifying, a dead one costs a timeout.
     */
    public void proxyChanged(SipProxy left) {
        context.execute(() -> {
            for (PresenceSubscription old : List.copyOf(byContact.values())) {
                if (!old.wanted) {
                    continue;
                }
                old.cancelTimer();
                forget(old);
                if (old.dialog != null && old.dialog.getState() != DialogState.TERMINATED) {
                    context.send(inDialog(old, 0, SipContext.hop(left))).exceptionally(failure -> null);
                }
                start(old.contact).exceptionally(failure -> null);
            }
        });
    }

    boolean knows(String callId) {
        return byCallId.containsKey(callId);
    }

    /** Called by the NOTIFY processor after it answered 200. */
    void notified(String callId, long cseq, SubscriptionStatus status, Optional<Presence> presence) {
        context.execute(() -> onNotify(callId, cseq, status, presence));
    }

    private void onNotify(String callId, long cseq, SubscriptionStatus status, Optional<Presence> presence) {
        PresenceSubscription subscription = byCallId.get(callId);
        if (subscription == null || cseq <= subscription.lastNotifyCSeq) {
            return;
        }
        subscription.lastNotifyCSeq = cseq;
        if (subscription.fetch) {
            if (presence.isPresent() || status.state() == SubscriptionStatus.State.TERMINATED) {
                subscription.cancelTimer();
                forget(subscription);
                subscription.fetched.complete(presence.orElse(Presence.OFFLINE));
            }
            return;
        }
        presence.ifPresent(p -> {
            lastPresence.put(subscription.contact, p);
            listeners.fire(listener -> listener.presenceChanged(subscription.contact, p));
        });
        subscription.status = status;
        if (subscription.wanted) {
            changed(subscription.contact, status);
        }
        if (status.state() == SubscriptionStatus.State.TERMINATED) {
            terminated(subscription, status);
        } else if (status.expires() >= 0 && subscription.wanted) {
            scheduleRefresh(subscription, status.expires());
        }
    }

    private void terminated(PresenceSubscription subscription, SubscriptionStatus status) {
        subscription.cancelTimer();
        forget(subscription);
        if (!subscription.wanted || byContact.get(subscription.contact) != subscription) {
            return;
        }
        Optional<Duration> again = status.resubscribeAfter(context.settings().retryInterval());
        if (again.isEmpty()) {
            LOG.info("presence subscription to {} ended for good: {}", subscription.contact, status.toHeaderValue());
            byContact.remove(subscription.contact);
            lastPresence.remove(subscription.contact);
            listeners.fire(listener -> listener.presenceChanged(subscription.contact, Presence.OFFLINE));
            return;
        }
        LOG.debug("presence subscription to {} terminated ({}); subscribing again in {}", subscription.contact,
                status.toHeaderValue(), again.get());
        restartLater(subscription, again.get().toMillis());
    }

    private CompletableFuture<Void> start(Address contact) {
        PresenceSubscription subscription = new PresenceSubscription(contact,
                new RequestSequence(context, Request.SUBSCRIBE), false);
        byContact.put(contact, subscription);
        byCallId.put(subscription.callId(), subscription);
        return context.send(initialRequest(subscription, requestedExpires)).handle((response, failure) -> {
            if (failure == null && SipResponses.isSuccess(response)) {
                if (subscription.wanted && byContact.get(contact) == subscription) {
                    scheduleRefresh(subscription, SipResponses.expires(response, requestedExpires));
                }
                return (Void) null;
            }
            Exception problem = failure != null ? ProxyFailures.asException(failure)
                    : SipResponses.rejection(Request.SUBSCRIBE, response);
            forget(subscription);
            if (subscription.wanted && byContact.get(contact) == subscription) {
                if (ProxyFailures.isProxyFailure(problem)) {
                    restartLater(subscription, context.settings().retryInterval().toMillis());
                } else {
                    byContact.remove(contact);
                    changed(contact, SubscriptionStatus.terminated(SubscriptionStatus.Reason.REJECTED, -1));
                }
            }
            throw new CompletionException(problem);
        });
    }

    private void restartLater(PresenceSubscription old, long delayMillis) {
        Runnable restart = () -> {
            if (byContact.get(old.contact) == old && old.wanted) {
                start(old.contact).exceptionally(failure -> null);
            }
        };
        if (delayMillis <= 0) {
            restart.run();
        } else {
            old.timer = schedule(delayMillis, restart);
        }
    }

    private void scheduleRefresh(PresenceSubscription subscription, int expiresSeconds) {
        subscription.cancelTimer();
        long delay = Math.max(MIN_REFRESH_MILLIS, expiresSeconds * 1000L / 2);
        subscription.timer = schedule(delay, () -> refresh(subscription));
    }

    private void refresh(PresenceSubscription subscription) {
        if (!subscription.wanted || byContact.get(subscription.contact) != subscription) {
            return;
        }
        if (subscription.dialog == null || subscription.dialog.getState() == DialogState.TERMINATED) {
            forget(subscription);
            restartLater(subscription, 0);
            return;
        }
        context.send(inDialog(subscription, requestedExpires)).whenComplete((response, failure) -> {
            if (failure == null && SipResponses.isSuccess(response)) {
                scheduleRefresh(subscription, SipResponses.expires(response, requestedExpires));
                return;
            }
            // 481 (the server forgot us), a timeout or a refusal: start a new subscription
            LOG.debug("refreshing the presence subscription to {} failed: {}", subscription.contact,
                    failure != null ? failure.getMessage() : response.getStatusCode());
            forget(subscription);
            long delay = failure == null && response.getStatusCode() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                    ? 0 : context.settings().retryInterval().toMillis();
            restartLater(subscription, delay);
        });
    }

    private OutgoingRequest initialRequest(PresenceSubscription subscription, int expires) {
        OutgoingRequest base = subscription.initial.next(context.sipAddress(subscription.contact).getURI(),
                context.sipAddress(subscription.contact), request -> SubscribeMessages.fill(context, request, expires));
        return new OutgoingRequest() {
            @Override
            public Request create() throws SipException {
                return base.create();
            }

            @Override
            public void sent(ClientTransaction transaction) {
                // each digest attempt makes a new transaction and dialog: the last one is the subscription's
                subscription.dialog = transaction.getDialog();
            }

            @Override
            public String hop() {
                return base.hop();
            }
        };
    }

    private OutgoingRequest inDialog(PresenceSubscription subscription, int expires) {
        return inDialog(subscription, expires, SipContext.hop(context.route().current()));
    }

    private OutgoingRequest inDialog(PresenceSubscription subscription, int expires, String hop) {
        return OutgoingRequest.inDialog(subscription.dialog, Request.SUBSCRIBE, hop,
                request -> SubscribeMessages.fill(context, request, expires));
    }

    private void forget(PresenceSubscription subscription) {
        byCallId.remove(subscription.callId(), subscription);
    }

    private void changed(Address contact, SubscriptionStatus status) {
        SubscriptionStatus before = lastStatus.put(contact, status);
        if (!status.equals(before)) {
            listeners.fire(listener -> listener.subscriptionChanged(contact, status));
        }
    }

    private java.util.concurrent.ScheduledFuture<?> schedule(long delayMillis, Runnable task) {
        return context.executor().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

}
