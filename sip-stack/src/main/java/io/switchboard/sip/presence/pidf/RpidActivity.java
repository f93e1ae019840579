package io.switchboard.sip.presence.pidf;

import java.util.Optional;

/** The activities of RFC 4480 §3.2; free-text {@code <rpid:other>} values are kept apart as strings. */
public enum RpidActivity {
    APPOINTMENT("appointment"), AWAY("away"), BREAKFAST("breakfast"), BUSY("busy"), DINNER("dinner"),
    HOLIDAY("holiday"), IN_TRANSIT("in-transit"), LOOKING_FOR_WORK("looking-for-work"), LUNCH("lunch"),
    MEAL("meal"), MEETING("meeting"), ON_THE_PHONE("on-the-phone"), PERFORMANCE("performance"),
    PERMANENT_ABSENCE("permanent-absence"), PLAYING("playing"), PRESENTATION("presentation"),
    SHOPPING("shopping"), SLEEPING("sleeping"), SPECTATOR("spectator"), STEERING("steering"),
    TRAVEL("travel"), TV("tv"), UNKNOWN("unknown"), VACATION("vacation"), WORKING("working"),
    WORSHIP("worship");

    private final String element;

    RpidActivity(String element) {
        this.element = element;
    }

    /** The local name of the empty element in the RPID namespace, e.g. {@code on-the-phone}. */
    public String element() {
        return element;
    }

    public static Optional<RpidActivity> fromElement(String localName) {
        for (RpidActivity activity : values()) {
            if (activity.element.equals(localName)) {
                return Optional.of(activity);
            }
        }
        return Optional.empty();
    }
}
