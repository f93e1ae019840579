package io.switchboard.sip.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The RFC 4479 {@code dm:person}: what the human is doing, whatever device they use.
 *
 * @param activities            RFC 4480 activities
 * @param otherActivities       free-text {@code <rpid:other>} activities
 * @param idle                  true when {@code <rpid:user-input>idle</rpid:user-input>} is present
 * @param switchboardAvailability the exact state in Switchboard's extension element, or null (ADR 0010)
 */
public record PidfPerson(String id, Set<RpidActivity> activities, List<String> otherActivities, boolean idle,
                         String switchboardAvailability, List<PidfNote> notes, Instant timestamp) {

    public PidfPerson {
        Objects.requireNonNull(id, "id");
        activities = Set.copyOf(activities == null ? Set.of() : activities);
        otherActivities = List.copyOf(otherActivities == null ? List.of() : otherActivities);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}
