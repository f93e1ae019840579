package io.switchboard.core.model;

/** The traffic-light colour a UC client shows next to a person, as in Cisco's state table. */
public enum PresenceColour {
    GREEN, YELLOW, RED, GREY
}
