package io.switchboard.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Presence reported by one device or source of a user: an XMPP resource, a SIP registration,
 * a phone line. {@code deviceId} is the XMPP resource or SIP instance; {@code priority} is the
 * XMPP priority (negative means "never route messages to a bare address here").
 *
 * <p>{@code capabilityOnly} marks a source that knows the person can be reached but not what
 * they are doing — a phone that is only registered (RFC 3261 REGISTER, no PUBLISH). Such a
 * device adds its capabilities and keeps the person from looking offline, but never speaks for
 * their availability while a device that states one is online ({@code PresenceComposer}).
 */
public record DevicePresence(String deviceId, Availability availability, String note, int priority,
                             Set<Capability> capabilities, Instant updatedAt, boolean capabilityOnly) {

    public DevicePresence {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(availability, "availability");
        note = note == null ? "" : note;
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A device that states the person's availability (every XMPP resource, every PUBLISH). */
    public DevicePresence(String deviceId, Availability availability, String note, int priority,
                          Set<Capability> capabilities, Instant updatedAt) {
        this(deviceId, availability, note, priority, capabilities, updatedAt, false);
    }

    /**
     * A source that only says the person is reachable with {@code capabilities} (a registered
     * phone): online as {@link Availability#AVAILABLE}, priority -1 so no chat is routed there.
     */
    public static DevicePresence capabilityOnlyDevice(String deviceId, Set<Capability> capabilities, Instant since) {
        return new DevicePresence(deviceId, Availability.AVAILABLE, "", -1, capabilities, since, true);
    }

    public static DevicePresence of(String deviceId, Availability availability, String note) {
        return new DevicePresence(deviceId, availability, note, 0, Set.of(Capability.IM), Instant.now());
    }

    public DevicePresence withPriority(int newPriority) {
        return new DevicePresence(deviceId, availability, note, newPriority, capabilities, updatedAt, capabilityOnly);
    }

    public DevicePresence withCapabilities(Set<Capability> newCapabilities) {
        return new DevicePresence(deviceId, availability, note, priority, newCapabilities, updatedAt, capabilityOnly);
    }

    public DevicePresence withUpdatedAt(Instant instant) {
        return new DevicePresence(deviceId, availability, note, priority, capabilities, instant, capabilityOnly);
    }
}
