package io.switchboard.server.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.StoreException;

/**
 * The owner's answer to a watcher, whichever protocol carried it: an XMPP client sends
 * {@code <presence type='subscribed'/>} or {@code 'unsubscribed'}, a SIP client writes an XCAP
 * pres-rules rule (ADR 0019). Both end here, in the processing of that XMPP answer (RFC 6121
 * §3.1.4–3.1.5, §3.2), so there is one decision and one store: the presence agent then makes a
 * pending SIP watcher active or ends it with {@code reason=rejected} (ADR 0017).
 */
public interface WatcherDecisions {

    /**
     * Lets {@code watcher} see {@code owner}'s presence: approves a pending request, or pre-approves
     * one not made yet (RFC 6121 §3.4). Nothing when already allowed.
     */
    void allow(Address owner, Address watcher) throws StoreException;

    /**
     * Refuses {@code watcher}: drops a pending request, or cancels an existing authorisation
     * (RFC 6121 §3.2). Nothing when there is neither.
     */
    void deny(Address owner, Address watcher) throws StoreException;
}
