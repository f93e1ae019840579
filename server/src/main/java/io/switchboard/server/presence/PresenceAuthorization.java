package io.switchboard.server.presence;

import io.switchboard.core.model.Address;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a watcher may see a presentity's presence, whichever protocol asks: the answer comes
 * from the presentity's roster, the same store and the same rule the XMPP side applies (RFC 6121
 * §3: a contact whose subscription is "from" or "both" sees the owner's presence). So a SIP
 * watcher the user approved in their XMPP client is authorised for SIP presence too, and one they
 * never approved is kept pending on both sides. A user always sees their own presence.
 *
 * <p>Stateless apart from the store; thread-safe.
 */
public final class PresenceAuthorization {

    /** The answer to one watcher. */
    public enum Decision {
        /** The watcher sees the presentity's presence. */
        ALLOW,
        /** Not (yet) approved: the watcher is told nothing until the presentity decides (RFC 3857). */
        PENDING
    }

    private final RosterStore rosters;

    public PresenceAuthorization(RosterStore rosters) {
        this.rosters = Objects.requireNonNull(rosters, "rosters");
    }

    /**
     * @param presentity a local user whose presence is asked for
     * @param watcher    who asks
     * @throws StoreException when the roster cannot be read (our side failed)
     */
    public Decision decide(Address presentity, Address watcher) throws StoreException {
        if (presentity.equals(watcher)) {
            return Decision.ALLOW;
        }
        Optional<RosterItem> item = rosters.item(presentity.local(), watcher);
        return item.isPresent() && allows(item.get()) ? Decision.ALLOW : Decision.PENDING;
    }

    /**
     * Whether a request of {@code watcher} to see {@code presentity} is stored and awaits the
     * presentity's answer. A watcher neither allowed nor awaiting was refused (or withdrew).
     */
    public boolean awaitingAnswer(Address presentity, Address watcher) throws StoreException {
        return rosters.pendingIn(presentity.local()).stream().anyMatch(p -> p.from().equals(watcher));
    }

    /** The one rule: the roster item's subscription lets the contact see the owner's presence. */
    public static boolean allows(RosterItem item) {
        return item.subscription().theySeeMine();
    }
}
