package io.switchboard.server.sip.presence;

/**
 * The body of an active subscription's NOTIFY for an event package whose state lives outside the
 * presence agent (message-summary: the mailboxes). The agent keeps the subscriptions, dialogs and
 * expiry the same way for every package; only what a NOTIFY says comes from here.
 */
@FunctionalInterface
public interface NotifyBodies {

    /** The current state for {@code subscription}'s resource, or null to send no body. */
    byte[] body(Subscription subscription);
}
