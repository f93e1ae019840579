package io.switchboard.server.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.StoreException;

/**
 * Files a request to watch a user that came through another protocol (a SIP SUBSCRIBE to
 * presence the roster does not allow yet) as the XMPP side files an inbound
 * {@code <presence type='subscribe'/>} (RFC 6121 §3.1.3): kept as a pending request in the
 * owner's roster store, delivered to the owner's available resources now and again at their
 * next sign-in. The owner's answer over XMPP (subscribed / unsubscribed) is then the one
 * decision for both protocols (ADR 0014 bridge step 5).
 */
@FunctionalInterface
public interface WatcherRequests {

    /**
     * @param owner   the local user to be watched
     * @param watcher the local user who asks
     * @throws StoreException when the request cannot be stored (the watcher just stays pending)
     */
    void requested(Address owner, Address watcher) throws StoreException;

    /** Files nothing: pending watchers wait for a roster change made otherwise. */
    WatcherRequests NONE = (owner, watcher) -> { };
}
