package io.switchboard.sip.presence.watchers;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.sip.presence.watch.ResourceSubscription;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import io.switchboard.sip.presence.winfo.Watcher;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoParser;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who watches the user's presence (RFC 3857 watcher-info with the RFC 3858 format): one
 * {@code presence.winfo} subscription to the user's own address of record, kept up by
 * {@link ResourceSubscription} (refresh at half its lifetime, started again after a termination the
 * user did not ask for, a 481 to a refresh or a move to another proxy) and started again here when
 * a document was lost ({@link WatcherInfoState}). Listeners get the current watchers, pending ones
 * included — the requests the user may answer.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class WatcherInfoSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherInfoSubscriber.class);
    private static final String WATCHED_PACKAGE = "presence";

    private final SipContext context;
    private final Listeners<WatchersListener> listeners;
    private final WatcherInfoState state = new WatcherInfoState(WATCHED_PACKAGE);
    private final ResourceSubscription<WatcherInfo> subscription;
    private volatile List<Watcher> watchers = List.of();

    public WatcherInfoSubscriber(SipContext context) {
        this.context = context;
        this.listeners = new Listeners<>(context.events());
        this.subscription = new ResourceSubscription<>(context, WatcherInfoMessages.EVENT, context.self(),
                (request, expires) -> WatcherInfoMessages.fill(context, request, expires), new Documents());
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
        return subscription.subscribe();
    }

    /** Ends the subscription (SUBSCRIBE with Expires 0 in its dialog) and forgets the watchers. */
    public CompletableFuture<Void> unsubscribe() {
        return subscription.unsubscribe();
    }

    /**
     * Requests now go through another proxy (failover or failback): the subscription is started
     * again there, and the old dialog ended at the proxy left, best effort.
     */
    public void proxyChanged(SipProxy left) {
        subscription.proxyChanged(left);
    }

    boolean knows(String callId) {
        return subscription.knows(callId);
    }

    /** Called by the NOTIFY processor after it answered 200. */
    void notified(String callId, long cseq, SubscriptionStatus status, Optional<WatcherInfo> document) {
        subscription.notified(callId, cseq, status, document);
    }

    private void publish() {
        List<Watcher> now = state.watchers();
        watchers = now;
        listeners.fire(l -> l.watchersChanged(now));
    }

    /** The documents of the subscription, on the protocol thread. */
    private final class Documents implements ResourceSubscription.Documents<WatcherInfo> {

        @Override
        public boolean received(WatcherInfo document) {
            switch (state.apply(document)) {
                case CHANGED -> publish();
                case UNCHANGED -> { }
                case OUT_OF_SYNC -> {
                    // a document was lost: only a new subscription brings the full state again
                    LOG.debug("watcher information of {} out of sync; subscribing again", context.account().address());
                    return false;
                }
            }
            return true;
        }

        @Override
        public void restarting() {
            // the new subscription's first NOTIFY brings the full state (RFC 3857 §5.2)
            state.reset();
        }

        @Override
        public void reset() {
            state.reset();
            if (!watchers.isEmpty()) {
                watchers = List.of();
                listeners.fire(l -> l.watchersChanged(List.of()));
            }
        }
    }
}
