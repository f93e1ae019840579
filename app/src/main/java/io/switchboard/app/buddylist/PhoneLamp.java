package io.switchboard.app.buddylist;

import io.switchboard.core.model.LineState;

/**
 * What a contact's phone-status lamp shows: nothing when the user did not ask for it, else the
 * line state with the words of its tooltip, and whether it blinks (ringing: a call someone may
 * want to take for them).
 */
public enum PhoneLamp {
    NONE("", false),
    UNKNOWN("Phone status not known", false),
    IDLE("Phone idle", false),
    RINGING("Phone ringing", true),
    BUSY("Phone busy", false);

    private final String tooltip;
    private final boolean blinking;

    PhoneLamp(String tooltip, boolean blinking) {
        this.tooltip = tooltip;
        this.blinking = blinking;
    }

    public String tooltip() {
        return tooltip;
    }

    public boolean blinking() {
        return blinking;
    }

    public boolean shown() {
        return this != NONE;
    }

    static PhoneLamp of(boolean chosen, LineState state) {
        if (!chosen) {
            return NONE;
        }
        return switch (state) {
            case UNKNOWN -> UNKNOWN;
            case IDLE -> IDLE;
            case RINGING -> RINGING;
            case BUSY -> BUSY;
        };
    }
}
