package io.switchboard.server.store;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;

import java.util.Objects;
import java.util.Set;

/**
 * One item of a user's roster as RFC 6121 §2.1.2 defines it. {@code subscription} is from the
 * owner's side; {@code askSubscribe} is the pending-out state ("ask='subscribe'");
 * {@code approvedIn} is a pre-approval (§3.4) the owner gave before any request came.
 */
public record RosterItem(Address contact, String name, SubscriptionState subscription,
                         boolean askSubscribe, boolean preApproved, Set<String> groups) {

    public RosterItem {
        Objects.requireNonNull(contact, "contact");
        name = name == null ? "" : name;
        Objects.requireNonNull(subscription, "subscription");
        groups = Set.copyOf(groups == null ? Set.of() : groups);
    }

    public static RosterItem none(Address contact) {
        return new RosterItem(contact, "", SubscriptionState.NONE, false, false, Set.of());
    }

    public RosterItem withSubscription(SubscriptionState s) {
        return new RosterItem(contact, name, s, askSubscribe, preApproved, groups);
    }

    public RosterItem withAsk(boolean ask) {
        return new RosterItem(contact, name, subscription, ask, preApproved, groups);
    }

    public RosterItem withPreApproved(boolean approved) {
        return new RosterItem(contact, name, subscription, askSubscribe, approved, groups);
    }

    public RosterItem withNameAndGroups(String newName, Set<String> newGroups) {
        return new RosterItem(contact, newName, subscription, askSubscribe, preApproved, newGroups);
    }
}
