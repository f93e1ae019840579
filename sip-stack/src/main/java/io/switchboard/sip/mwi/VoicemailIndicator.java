package io.switchboard.sip.mwi;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.sip.presence.watch.ResourceSubscription;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The voicemail indicator (message waiting, RFC 3842): one {@code message-summary} subscription to
 * the user's mailbox — their own address of record unless another mailbox is given — with Accept
 * {@code application/simple-message-summary}, kept up by {@link ResourceSubscription} (refresh at
 * half the lifetime, a new subscription after a termination the RFC 6665 reason allows, a 481 or a
 * proxy move). Every NOTIFY carries the whole summary, so each one replaces the last; listeners
 * hear of changes only.
 *
 * <p>State lives on the user agent's protocol thread; public methods may be called from any thread.
 */
public final class VoicemailIndicator {

    private final SipContext context;
    private final Listeners<VoicemailListener> listeners;
    /** Read by the NOTIFY processor on JAIN-SIP threads; replaced on the protocol thread. */
    private volatile ResourceSubscription<MessageSummary> subscription;
    private volatile Address mailbox;
    private volatile Optional<MessageSummary> summary = Optional.empty();

    public VoicemailIndicator(SipContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.listeners = new Listeners<>(context.events());
    }

    /** The NOTIFY processor for {@code message-summary}, to route that package's NOTIFYs to. */
    public RequestProcessor notifyProcessor(MessageSummaryParser parser) {
        return new MessageSummaryNotifyProcessor(() -> subscription, parser);
    }

    public ListenerRegistration addListener(VoicemailListener listener) {
        return listeners.add(listener);
    }

    /** The last summary the mailbox sent; empty before the first NOTIFY and after the subscription ended. */
    public Optional<MessageSummary> summary() {
        return summary;
    }

    /** The mailbox subscribed to, if any. */
    public Optional<Address> mailbox() {
        return Optional.ofNullable(mailbox);
    }

    /** Subscribes to the user's own mailbox (their address of record, RFC 3842 §3.6). */
    public CompletableFuture<Void> subscribe() {
        return subscribe(context.account().address());
    }

    /**
     * Subscribes to {@code account}'s message summary and keeps the subscription up until
     * {@link #unsubscribe()}. Completes when the mailbox accepted the SUBSCRIBE (the summary itself
     * arrives by NOTIFY), or exceptionally with a typed failure ({@code SipRejectedException} with
     * 403 when the server does not let us see that mailbox). Subscribing to another mailbox ends the
     * subscription to the first.
     */
    public CompletableFuture<Void> subscribe(Address account) {
        Objects.requireNonNull(account, "account");
        return context.onProtocolThread(() -> {
            ResourceSubscription<MessageSummary> current = subscription;
            if (current != null && account.equals(mailbox)) {
                return current.subscribe();
            }
            if (current != null) {
                current.unsubscribe().exceptionally(failure -> null);
            }
            ResourceSubscription<MessageSummary> next = new ResourceSubscription<>(context, MessageSummary.EVENT,
                    context.sipAddress(account), (request, expires) -> MessageSummaryMessages.fill(context, request, expires),
                    new Summaries());
            mailbox = account;
            subscription = next;
            return next.subscribe();
        });
    }

    /** Ends the subscription (SUBSCRIBE with Expires 0 in its dialog), e.g. at sign-out. */
    public CompletableFuture<Void> unsubscribe() {
        return context.onProtocolThread(() -> {
            ResourceSubscription<MessageSummary> current = subscription;
            return current == null ? CompletableFuture.completedFuture(null) : current.unsubscribe();
        });
    }

    /** Requests now go through another proxy (failover or failback): the subscription moves with them. */
    public void proxyChanged(SipProxy left) {
        ResourceSubscription<MessageSummary> current = subscription;
        if (current != null) {
            current.proxyChanged(left);
        }
    }

    /** What the subscription brings, on the protocol thread. */
    private final class Summaries implements ResourceSubscription.Documents<MessageSummary> {

        @Override
        public boolean received(MessageSummary document) {
            // a summary is the whole state (no versions, no partial documents): nothing can be lost
            if (!summary.equals(Optional.of(document))) {
                summary = Optional.of(document);
                listeners.fire(l -> l.messageSummaryChanged(document));
            }
            return true;
        }

        @Override
        public void reset() {
            if (summary.isPresent()) {
                summary = Optional.empty();
                listeners.fire(l -> l.messageSummaryChanged(MessageSummary.NONE));
            }
        }
    }
}
