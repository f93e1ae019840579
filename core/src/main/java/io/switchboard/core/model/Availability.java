package io.switchboard.core.model;

/**
 * How reachable a person is. The colour mapping follows Cisco's presence state table;
 * {@link #reachability()} orders states from most to least communicative and is what the
 * presence composition rule uses to pick the device that speaks for the user.
 */
public enum Availability {
    AVAILABLE(PresenceColour.GREEN, "Available", 0),
    ON_THE_PHONE(PresenceColour.YELLOW, "On the phone", 1),
    IN_A_MEETING(PresenceColour.YELLOW, "In a meeting", 2),
    BUSY(PresenceColour.RED, "Busy", 3),
    IDLE(PresenceColour.YELLOW, "Idle", 4),
    AWAY(PresenceColour.YELLOW, "Away", 5),
    OUT_OF_OFFICE(PresenceColour.RED, "Out of office", 6),
    DO_NOT_DISTURB(PresenceColour.RED, "Do not disturb", 7),
    OFFLINE(PresenceColour.GREY, "Offline", 8);

    private final PresenceColour colour;
    private final String label;
    private final int reachability;

    Availability(PresenceColour colour, String label, int reachability) {
        this.colour = colour;
        this.label = label;
        this.reachability = reachability;
    }

    public PresenceColour colour() {
        return colour;
    }

    /** The word a person reads in the buddy list. */
    public String label() {
        return label;
    }

    /** Lower is more communicative. */
    public int reachability() {
        return reachability;
    }

    public boolean isOnline() {
        return this != OFFLINE;
    }

    /** True when the person wants no interruptions: new chats and calls should not alert. */
    public boolean blocksInterruptions() {
        return this == DO_NOT_DISTURB;
    }
}
