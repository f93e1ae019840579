package io.switchboard.sip.presence.watchers;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoParser;
import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.RequestSequence;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import io.switchboard.sip.ua.transaction.OutgoingRequest;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who watches the user's presence (RFC 3857 watcher-info with the RFC 3858 format): one
 * {@code presence.winfo} subscription to the user's own address of record, refreshed in its dialog
 * at half its lifetime, started again after a termination the user did not ask for, a 481 to a
 * refresh, a lost document ({@link WatcherInfoState}) or a move to another proxy. Listeners get the
 * current watchers, pending ones included — the requests the user may answer.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class WatcherInfoSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherInfoSubscriber.class);
    private static final long MIN_REFRESH_MILLIS = 500;
    private static final String WATCHED_PACKAGE = "presence";

    private final SipContext context;
    private final Listeners<WatchersListener> listeners;
    private final WatcherInfoState state = new WatcherInfoState(WATCHED_PACKAGE);
    private final int requestedExpires;
    /** Read by the NOTIFY processor on JAIN-SIP threads. */
    private volatile String currentCallId;
    private volatile List<Watcher> watchers = List.of();
    private boolean wanted;
    private RequestSequence initial;
    private Dialog dialog;
    private long lastNotifyCSeq = -1;
    private ScheduledFuture<?> timer;

    public WatcherInfoSubscriber(SipContext context) {
        this.context = context;
        this.listeners = new Listeners<>(context.events());
        this.requestedExpires = (int) Math.min(Integer.MAX_VALUE, context.account().expires().toSeconds());
    }

    /** The NOTIFY processor for {@code presence.winfo}, to route NOTIFYs of that package to. */
    public RequestProcessor notifyProcessor(WatcherInfoParser parser) {
        return new WatcherInfoNotifyProcessor(this, parser);
    }

    public ListenerRegistration addListener(WatchersListener listener) {
        return listeners.add(listener);
    }

    /** The watchers the last documents named (pending, active or waiting). */
    public List<Watcher> watchers() {
        return watchers;
    }

    /**
     * Subscribes to the user's own watcher information and keeps the subscription up until
     * {@link #unsubscribe()}. Completes when the server accepted the SUBSCRIBE, or exceptionally
     * with a typed failure; after a proxy failure it is retried in the background.
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

    /** Ends the subscription (SUBSCRIBE with Expires 0 in its dialog) and forgets the watchers. */
    public CompletableFuture<Void> unsubscribe() {
        return context.onProtocolThread(() -> {
            wanted = false;
            cancelTimer();
            Dialog current = dialog;
            currentCallId = null;
            dialog = null;
            reset();
            if (current == null || current.getState() == DialogState.TERMINATED) {
                return CompletableFuture.completedFuture(null);
            }
            return context.send(inDialog(current, 0, SipContext.hop(context.route().current())))
                    .thenAccept(response -> { });
        });
    }

    /**
     * Requests now go through another proxy (failover or failback): the subscription is started
     * again there, and the old dialog ended at the proxy left, best effort.
     */
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

    boolean knows(String callId) {
        return callId.equals(currentCallId);
    }

    /** Called by the NOTIFY processor after it answered 200. */
    void notified(String callId, long cseq, SubscriptionStatus status, Optional<WatcherInfo> document) {
        context.execute(() -> onNotify(callId, cseq, status, document));
    }

    private void onNotify(String callId, long cseq, SubscriptionStatus status, Optional<WatcherInfo> document) {
        if (!callId.equals(currentCallId) || cseq <= lastNotifyCSeq) {
            return;
        }
        lastNotifyCSeq = cseq;
        if (document.isPresent()) {
            switch (state.apply(document.get())) {
                case CHANGED -> publish();
                case UNCHANGED -> { }
                case OUT_OF_SYNC -> {
                    // a document was lost: only a new subscription brings the full state again
                    LOG.debug("watcher information of {} out of sync; subscribing again", context.account().address());
                    restartLater(0);
                    return;
                }
            }
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
            LOG.info("watcher information of {} ended for good: {}", context.account().address(),
                    status.toHeaderValue());
            wanted = false;
            reset();
            return;
        }
        restartLater(again.get().toMillis());
    }

    private CompletableFuture<Void> start() {
        initial = new RequestSequence(context, Request.SUBSCRIBE);
        RequestSequence mine = initial;
        currentCallId = mine.callId();
        lastNotifyCSeq = -1;
        dialog = null;
        // the new subscription's first NOTIFY brings the full state (RFC 3857 §5.2)
        state.reset();
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
                LOG.info("watcher information of {} refused: {}", context.account().address(), problem.getMessage());
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
                    long delay = failure == null
                            && response.getStatusCode() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                            ? 0 : context.settings().retryInterval().toMillis();
                    restartLater(delay);
                });
    }

    private OutgoingRequest initialRequest(RequestSequence sequence) {
        OutgoingRequest base = sequence.next(context.self().getURI(), context.self(),
                request -> WatcherInfoMessages.fill(context, request, requestedExpires));
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

    private OutgoingRequest inDialog(Dialog dialog, int expires, String hop) {
        return OutgoingRequest.inDialog(dialog, Request.SUBSCRIBE, hop,
                request -> WatcherInfoMessages.fill(context, request, expires));
    }

    private void reset() {
        state.reset();
        if (!watchers.isEmpty()) {
            watchers = List.of();
            listeners.fire(l -> l.watchersChanged(List.of()));
        }
    }

    private void publish() {
        List<Watcher> now = state.watchers();
        watchers = now;
        listeners.fire(l -> l.watchersChanged(now));
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
