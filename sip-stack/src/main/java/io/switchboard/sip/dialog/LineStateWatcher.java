package io.switchboard.sip.dialog;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;
import io.switchboard.sip.presence.watch.ResourceSubscription;
import io.switchboard.sip.presence.watch.SubscriptionStatus;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.transaction.RequestProcessor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The busy lamp field's manager: one {@code dialog} subscription (RFC 4235) per watched line — a
 * colleague's address or a desk line's — kept up by {@link ResourceSubscription} (refresh at half
 * the lifetime, a new subscription after a termination the RFC 6665 reason allows, a 481, a proxy
 * move, or a lost partial document), each line's dialogs rebuilt from the NOTIFYs and reduced to
 * a {@link LineState} by {@link LineStates}. Listeners hear of lamp changes only.
 *
 * <p>Usage: {@code ua.lineStates().addListener((line, state, dialogs) -> ...);
 * ua.lineStates().watch(Address.of("1001", "example.com"));} and {@code unwatch(line)}.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class LineStateWatcher {

    private final SipContext context;
    private final Listeners<LineStateListener> listeners;
    /** Read by the NOTIFY processor on JAIN-SIP threads; changed on the protocol thread. */
    private final Map<Address, WatchedLine> lines = new ConcurrentHashMap<>();

    public LineStateWatcher(SipContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.listeners = new Listeners<>(context.events());
    }

    /** The NOTIFY processor for {@code dialog}, to route that package's NOTIFYs to. */
    public RequestProcessor notifyProcessor(DialogInfoParser parser) {
        return new DialogNotifyProcessor(this, parser);
    }

    public ListenerRegistration addListener(LineStateListener listener) {
        return listeners.add(listener);
    }

    /**
     * Subscribes to {@code line}'s dialogs and keeps the subscription up until {@link #unwatch}.
     * Completes when the notifier accepted the SUBSCRIBE, or exceptionally with a typed failure
     * ({@code SipRejectedException}: 403 when we may not watch it, 404 for no such line, 489 for a
     * server without the package). Watching a line already watched changes nothing.
     */
    public CompletableFuture<Void> watch(Address line) {
        Objects.requireNonNull(line, "line");
        return context.onProtocolThread(() -> {
            WatchedLine watched = lines.computeIfAbsent(line, WatchedLine::new);
            return watched.subscription.subscribe();
        });
    }

    /** Ends the subscription to {@code line} (SUBSCRIBE with Expires 0 in its dialog); its state becomes unknown. */
    public CompletableFuture<Void> unwatch(Address line) {
        Objects.requireNonNull(line, "line");
        return context.onProtocolThread(() -> {
            WatchedLine watched = lines.remove(line);
            return watched == null ? CompletableFuture.completedFuture(null) : watched.subscription.unsubscribe();
        });
    }

    /** Ends every subscription, e.g. at sign-out. */
    public CompletableFuture<Void> unwatchAll() {
        return CompletableFuture.allOf(List.copyOf(lines.keySet()).stream().map(this::unwatch)
                .toArray(CompletableFuture[]::new));
    }

    /** The lamp of {@code line}; {@link LineState#UNKNOWN} when not watched or not reported yet. */
    public LineState state(Address line) {
        WatchedLine watched = lines.get(line);
        return watched == null ? LineState.UNKNOWN : watched.state;
    }

    /** The lines watched. */
    public List<Address> watched() {
        return List.copyOf(lines.keySet());
    }

    /** Requests now go through another proxy (failover or failback): the subscriptions move with them. */
    public void proxyChanged(SipProxy left) {
        lines.values().forEach(watched -> watched.subscription.proxyChanged(left));
    }

    boolean knows(String callId) {
        return find(callId).isPresent();
    }

    void notified(String callId, long cseq, SubscriptionStatus status, Optional<DialogInfo> info) {
        find(callId).ifPresent(watched -> watched.subscription.notified(callId, cseq, status, info));
    }

    private Optional<WatchedLine> find(String callId) {
        return lines.values().stream().filter(watched -> watched.subscription.knows(callId)).findFirst();
    }

    /** One watched line: its subscription, the dialogs it reported, and the lamp they make. */
    private final class WatchedLine implements ResourceSubscription.Documents<DialogInfo> {
        private final Address line;
        private final ResourceSubscription<DialogInfo> subscription;
        private final DialogBook book = new DialogBook();
        private volatile LineState state = LineState.UNKNOWN;

        WatchedLine(Address line) {
            this.line = line;
            this.subscription = new ResourceSubscription<>(context, DialogInfo.EVENT, context.sipAddress(line),
                    (request, expires) -> DialogSubscribeMessages.fill(context, request, expires), this);
        }

        @Override
        public boolean received(DialogInfo document) {
            DialogBook.Outcome outcome = book.apply(document);
            if (outcome == DialogBook.Outcome.LOST) {
                return false;
            }
            if (outcome == DialogBook.Outcome.APPLIED) {
                show(LineStates.of(book.dialogs()));
            }
            return true;
        }

        @Override
        public void reset() {
            book.clear();
            show(LineState.UNKNOWN);
        }

        @Override
        public void restarting() {
            // the new subscription's first NOTIFY is full state with its own versions; the lamp stays until then
            book.clear();
        }

        private void show(LineState next) {
            if (next != state) {
                state = next;
                List<Dialog> dialogs = List.copyOf(book.dialogs());
                listeners.fire(l -> l.lineStateChanged(line, next, dialogs));
            }
        }
    }
}
