package io.switchboard.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Presence reported by one device or source of a user: an XMPP resource, a SIP registration,
 * a phone line. {@code deviceId} is the XMPP resource or SIP instance; {@code priority} is the
 * XMPP priority (negative means "never route messages to a bare address here").
 */
public record DevicePresence(String deviceId, Availability availability, String note, int priority,
                             Set<Capability> capabilities, Instant updatedAt) {

    public DevicePresence {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(availability, "availability");
        note = note == null ? "" : note;
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static DevicePresence of(String deviceId, Availability availability, String note) {
        return new DevicePresence(deviceId, availability, note, 0, Set.of(Capability.IM), Instant.now());
    }

    public DevicePresence withPriority(int newPriority) {
        return new DevicePresence(deviceId, availability, note, newPriority, capabilities, updatedAt);
    }

    public DevicePresence withCapabilities(Set<Capability> newCapabilities) {
        return new DevicePresence(deviceId, availability, note, priority, newCapabilities, updatedAt);
    }

    public DevicePresence withUpdatedAt(Instant instant) {
        return new DevicePresence(deviceId, availability, note, priority, capabilities, instant);
    }
}
