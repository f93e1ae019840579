package io.switchboard.core.model;

/**
 * Presence subscription between me and a contact, as RFC 6121 defines it from my side:
 * {@code TO} means I see their presence, {@code FROM} means they see mine.
 */
public enum SubscriptionState {
    NONE, TO, FROM, BOTH;

    public boolean iSeeTheirs() {
        return this == TO || this == BOTH;
    }

    public boolean theySeeMine() {
        return this == FROM || this == BOTH;
    }
}
