package io.switchboard.sip.presence.watch;

import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.RequestSequence;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import io.switchboard.sip.ua.transaction.OutgoingRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived subscription of one event package to one resource (RFC 6665), the lifecycle every
 * "subscribe to my own X" feature shares: the initial SUBSCRIBE (digest through the sender), a
 * refresh in the dialog at half the granted lifetime, a new subscription after a termination the
 * user did not ask for (as {@link SubscriptionStatus#resubscribeAfter} says), after a 481 to a
 * refresh, after a proxy move, or when the package says a document was lost; Expires 0 in the
 * dialog to end it. The package supplies its headers and is told about bodies through
 * {@link Documents}; its {@link EventNotifyProcessor} hands NOTIFYs to {@link #notified}.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 *
 * @param <T> the decoded NOTIFY body
 */
public final class ResourceSubscription<T> {

    /** What the package does with what the subscription brings. Called on the protocol thread. */
    public interface Documents<T> {

        /** A NOTIFY brought a body; false when it shows documents were lost and only a new subscription helps. */
        boolean received(T document);

        /** The subscription ended (unsubscribed, or ended for good): what it brought no longer holds. */
        void reset();

        /** A new subscription (new dialog) is about to start: its first NOTIFY brings the full state again. */
        default void restarting() {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResourceSubscription.class);
    private static final long MIN_REFRESH_MILLIS = 500;

    private final SipContext context;
    private final String eventPackage;
    private final Address resource;
    private final BiConsumer<Request, Integer> headers;
    private final Documents<T> documents;
    private final int requestedExpires;
    /** Read by the NOTIFY processor on JAIN-SIP threads. */
    private volatile String currentCallId;
    private boolean wanted;
    private RequestSequence initial;
    private Dialog dialog;
    private long lastNotifyCSeq = -1;
    private ScheduledFuture<?> timer;

    /**
     * @param resource  the To and Request-URI of the initial SUBSCRIBE
     * @param headers   adds Event, Accept and Expires (the given seconds) to each SUBSCRIBE
     */
    public ResourceSubscription(SipContext context, String eventPackage, Address resource,
                                BiConsumer<Request, Integer> headers, Documents<T> documents) {
        this.context = Objects.requireNonNull(context, "context");
        this.eventPackage = Objects.requireNonNull(eventPackage, "eventPackage");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.requestedExpires = (int) Math.min(Integer.MAX_VALUE, context.account().expires().toSeconds());
    }

    /**
     * Subscribes and keeps the subscription up until {@link #unsubscribe()}. Completes when the
     * notifier accepted the SUBSCRIBE, or exceptionally with a typed failure; after a proxy
     * failure it is retried in the background, after a refusal (403, 489...) it is not.
     */
    public CompletableFuture<Void> subscribe() {
        return context.onProtocolThread(() -> {
            if (wanted) {
                return CompletableFuture.completedFuture(null);
            }
            wanted = true;
            return start();
        });
    }

    /** Ends the subscription (SUBSCRIBE with Expires 0 in its dialog) and forgets its state. */
    public CompletableFuture<Void> unsubscribe() {
        return context.onProtocolThread(() -> {
            wanted = false;
            cancelTimer();
            Dialog current = dialog;
            currentCallId = null;
            dialog = null;
            documents.reset();
            if (current == null || current.getState() == DialogState.TERMINATED) {
                return CompletableFuture.completedFuture(null);
            }
            return context.send(inDialog(current, 0, SipContext.hop(context.route().current())))
                    .thenAccept(response -> { });
        });
    }

    /** Requests now go through another proxy: subscribe there, end the old dialog at the proxy left, best effort. */
    public void proxyChanged(SipProxy left) {
        context.execute(() -> {
            if (!wanted) {
                return;
            }
            cancelTimer();
            Dialog old = dialog;
            if (old != null && old.getState() != DialogState.TERMINATED) {
                context.send(inDialog(old, 0, SipContext.hop(left))).exceptionally(failure -> null);
            }
            start().exceptionally(failure -> null);
        });
    }

    /** Whether a NOTIFY with this Call-ID belongs to the current subscription. */
    public boolean knows(String callId) {
        return callId.equals(currentCallId);
    }

    /** For the package's NOTIFY processor, after it answered 200. */
    public void notified(String callId, long cseq, SubscriptionStatus status, Optional<T> document) {
        context.execute(() -> onNotify(callId, cseq, status, document));
    }

    private void onNotify(String callId, long cseq, SubscriptionStatus status, Optional<T> document) {
        // JAIN-SIP hands NOTIFYs to several threads: an older one must not undo a newer one
        if (!callId.equals(currentCallId) || cseq <= lastNotifyCSeq) {
            return;
        }
        lastNotifyCSeq = cseq;
        if (document.isPresent() && !documents.received(document.get())) {
            LOG.debug("{} of {} out of sync; subscribing again", eventPackage, resource);
            restartLater(0);
            return;
        }
        if (status.state() == SubscriptionStatus.State.TERMINATED) {
            terminated(status);
        } else if (status.expires() >= 0 && wanted) {
            scheduleRefresh(status.expires());
        }
    }

    private void terminated(SubscriptionStatus status) {
        cancelTimer();
        currentCallId = null;
        if (!wanted) {
            return;
        }
        Optional<Duration> again = status.resubscribeAfter(context.settings().retryInterval());
        if (again.isEmpty()) {
            LOG.info("{} subscription to {} ended for good: {}", eventPackage, resource, status.toHeaderValue());
            wanted = false;
            documents.reset();
            return;
        }
        restartLater(again.get().toMillis());
    }

    private CompletableFuture<Void> start() {
        initial = new RequestSequence(context, Request.SUBSCRIBE);
        RequestSequence mine = initial;
        documents.restarting();
        currentCallId = mine.callId();
        lastNotifyCSeq = -1;
        dialog = null;
        return context.send(initialRequest(mine)).handle((response, failure) -> {
            if (mine != initial || !wanted) {
                return (Void) null;
            }
            if (failure == null && SipResponses.isSuccess(response)) {
                scheduleRefresh(SipResponses.expires(response, requestedExpires));
                return (Void) null;
            }
            Exception problem = failure != null ? ProxyFailures.asException(failure)
                    : SipResponses.rejection(Request.SUBSCRIBE, response);
            currentCallId = null;
            if (ProxyFailures.isProxyFailure(problem)) {
                restartLater(context.settings().retryInterval().toMillis());
            } else {
                LOG.info("{} subscription to {} refused: {}", eventPackage, resource, problem.getMessage());
                wanted = false;
            }
            throw new CompletionException(problem);
        });
    }

    private void restartLater(long delayMillis) {
        cancelTimer();
        Runnable restart = () -> {
            if (wanted) {
                start().exceptionally(failure -> null);
            }
        };
        if (delayMillis <= 0) {
            restart.run();
        } else {
            timer = schedule(delayMillis, restart);
        }
    }

    private void scheduleRefresh(int expiresSeconds) {
        cancelTimer();
        long delay = Math.max(MIN_REFRESH_MILLIS, expiresSeconds * 1000L / 2);
        timer = schedule(delay, this::refresh);
    }

    private void refresh() {
        if (!wanted) {
            return;
        }
        Dialog current = dialog;
        if (current == null || current.getState() == DialogState.TERMINATED) {
            restartLater(0);
            return;
        }
        context.send(inDialog(current, requestedExpires, SipContext.hop(context.route().current())))
                .whenComplete((response, failure) -> {
                    if (current != dialog || !wanted) {
                        return;
                    }
                    if (failure == null && SipResponses.isSuccess(response)) {
                        scheduleRefresh(SipResponses.expires(response, requestedExpires));
                        return;
                    }
                    // 481: the notifier forgot us (e.g. restarted) — a new subscription at once
                    long delay = failure == null
                            && response.getStatusCode() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                            ? 0 : context.settings().retryInterval().toMillis();
                    restartLater(delay);
                });
    }

    private OutgoingRequest initialRequest(RequestSequence sequence) {
        OutgoingRequest base = sequence.next(resource.getURI(), resource,
                request -> headers.accept(request, requestedExpires));
        return new OutgoingRequest() {
            @Override
            public Request create() throws SipException {
                return base.create();
            }

            @Override
            public void sent(ClientTransaction transaction) {
                // each digest attempt makes a new transaction and dialog: the last one is the subscription's
                if (sequence == initial) {
                    dialog = transaction.getDialog();
                }
            }

            @Override
            public String hop() {
                return base.hop();
            }
        };
    }

    private OutgoingRequest inDialog(Dialog inDialog, int expires, String hop) {
        return OutgoingRequest.inDialog(inDialog, Request.SUBSCRIBE, hop, request -> headers.accept(request, expires));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private ScheduledFuture<?> schedule(long delayMillis, Runnable task) {
        return context.executor().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }
}
