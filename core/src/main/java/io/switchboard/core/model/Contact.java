package io.switchboard.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of my buddy list. {@code awaitingApproval} is true while my own subscription
 * request to this contact is still pending (RFC 6121's "ask" state).
 */
public record Contact(Address address, String displayName, Set<String> groups,
                      SubscriptionState subscription, boolean awaitingApproval, Presence presence) {

    public Contact {
        Objects.requireNonNull(address, "address");
        displayName = displayName == null || displayName.isBlank() ? address.local() : displayName;
        groups = Set.copyOf(groups == null ? Set.of() : groups);
        Objects.requireNonNull(subscription, "subscription");
        presence = presence == null ? Presence.OFFLINE : presence;
    }

    public Contact withPresence(Presence newPresence) {
        return new Contact(address, displayName, groups, subscription, awaitingApproval, newPresence);
    }

    public Contact withDisplayName(String name) {
        return new Contact(address, name, groups, subscription, awaitingApproval, presence);
    }

    public Contact withGroups(Set<String> newGroups) {
        return new Contact(address, displayName, newGroups, subscription, awaitingApproval, presence);
    }
}
