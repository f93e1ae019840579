package io.switchboard.xmpp.presence;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;

import java.time.Instant;
import java.util.Set;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;

/**
 * Core's {@link Availability} to and from XMPP presence. Out: the closest {@code <show/>}
 * for every client plus {@link AvailabilityExtension} for Switchboard peers. In: the extension
 * when present, else the {@code show}.
 */
public final class PresenceMapping {

    private PresenceMapping() {
    }

    /** The RFC 6121 {@code show} other clients see. */
    public static Presence.Mode show(Availability availability) {
        return switch (availability) {
            case AVAILABLE -> Presence.Mode.available;
            case AWAY, IDLE -> Presence.Mode.away;
            case OUT_OF_OFFICE -> Presence.Mode.xa;
            case BUSY, ON_THE_PHONE, IN_A_MEETING, DO_NOT_DISTURB -> Presence.Mode.dnd;
            case OFFLINE -> throw new IllegalArgumentException("offline is unavailable presence, not a show");
        };
    }

    /** What a {@code show} means when no Switchboard extension says more. */
    public static Availability availability(Presence.Mode show) {
        if (show == null) {
            return Availability.AVAILABLE;
        }
        return switch (show) {
            case available, chat -> Availability.AVAILABLE;
            // "extended away" from other clients is auto-away after a long time, not out-of-office
            case away, xa -> Availability.AWAY;
            case dnd -> Availability.DO_NOT_DISTURB;
        };
    }

    /** The availability one received presence stanza states. */
    public static Availability availability(Presence presence) {
        if (presence.getType() != Presence.Type.available) {
            return Availability.OFFLINE;
        }
        return AvailabilityExtension.from(presence)
                .flatMap(AvailabilityExtension::availability)
                .orElseGet(() -> availability(presence.getMode()));
    }

    /** Fills an outgoing available presence. */
    public static PresenceBuilder fill(PresenceBuilder builder, Availability availability, String note, int priority) {
        builder.ofType(Presence.Type.available)
                .setMode(show(availability))
                .setPriority(priority)
                .addExtension(AvailabilityExtension.of(availability));
        if (note != null && !note.isEmpty()) {
            builder.setStatus(note);
        }
        return builder;
    }

    /**
     * One device's presence; an XMPP client resource can always chat. A resource marked
     * {@code <capability-only xmlns='urn:switchboard:presence:0'/>} (only the Switchboard server
     * sends it, for a registered SIP phone) is a {@linkplain DevicePresence#capabilityOnly()
     * capability-only} device that can take calls.
     */
    public static DevicePresence device(String resource, Presence presence, Instant receivedAt) {
        if (presence.getType() == Presence.Type.available
                && presence.getExtensionElement(CapabilityOnlyExtension.ELEMENT, CapabilityOnlyExtension.NAMESPACE) != null) {
            return new DevicePresence(resource, Availability.AVAILABLE, presence.getStatus(), presence.getPriority(),
                    Set.of(Capability.AUDIO), receivedAt, true);
        }
        return new DevicePresence(resource, availability(presence), presence.getStatus(), presence.getPriority(),
                Set.of(Capability.IM), receivedAt);
    }
}
