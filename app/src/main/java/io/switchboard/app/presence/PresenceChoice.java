package io.switchboard.app.presence;

import io.switchboard.core.model.Availability;

import java.util.Objects;

/** An availability with its note, as the user (or auto-away) chose it. */
public record PresenceChoice(Availability availability, String note) {
    public PresenceChoice {
        Objects.requireNonNull(availability, "availability");
        note = note == null ? "" : note;
    }
}
