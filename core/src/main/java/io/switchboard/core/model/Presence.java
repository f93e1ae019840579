package io.switchboard.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user's composed presence: one availability and note for the whole person, with the
 * per-device detail it was composed from and the union of what those devices can do.
 * Build it with {@link io.switchboard.core.presence.PresenceComposer}.
 */
public record Presence(Availability availability, String note, List<DevicePresence> devices,
                       Set<Capability> capabilities) {

    public static final Presence OFFLINE = new Presence(Availability.OFFLINE, "", List.of(), Set.of());

    public Presence {
        Objects.requireNonNull(availability, "availability");
        note = note == null ? "" : note;
        devices = List.copyOf(devices == null ? List.of() : devices);
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
    }

    public boolean isOnline() {
        return availability.isOnline();
    }

    public PresenceColour colour() {
        return availability.colour();
    }
}
