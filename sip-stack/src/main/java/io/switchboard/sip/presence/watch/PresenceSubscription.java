package io.switchboard.sip.presence.watch;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Presence;
import io.switchboard.sip.ua.RequestSequence;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.sip.Dialog;

/**
 * One presence subscription (one dialog) to one contact, as the watcher tracks it. Mutable; touched
 * only on the user agent's protocol thread.
 */
final class PresenceSubscription {

    final Address contact;
    final RequestSequence initial;
    /** Expires 0: a one-shot fetch, which ends with its first NOTIFY. */
    final boolean fetch;
    final CompletableFuture<Presence> fetched = new CompletableFuture<>();
    Dialog dialog;
    /** False once the user unsubscribed: a termination is then final. */
    boolean wanted = true;
    SubscriptionStatus status = SubscriptionStatus.PENDING;
    ScheduledFuture<?> timer;
    /**
     * CSeq of the newest NOTIFY applied. JAIN-SIP hands NOTIFYs to several threads, so an older
     * one can reach the protocol thread after a newer one; it must not undo it (RFC 6665 §4.1.3).
     */
    long lastNotifyCSeq = -1;

    PresenceSubscription(Address contact, RequestSequence initial, boolean fetch) {
        this.contact = contact;
        this.initial = initial;
        this.fetch = fetch;
    }

    String callId() {
        return initial.callId();
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
