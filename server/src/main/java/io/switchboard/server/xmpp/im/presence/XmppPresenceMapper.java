package io.switchboard.server.xmpp.im.presence;

import io.switchboard.server.xmpp.Jid;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.server.xmpp.im.Namespaces;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one resource's available presence stanza into the {@link DevicePresence} the presence
 * engine composes.
 *
 * <p>Plain XMPP {@code <show/>}: none and {@code chat} → available, {@code away} → away,
 * {@code dnd} → do not disturb, and {@code xa} → away. XA ("extended away") is what
 * clients set by themselves after long inactivity; mapping it to out-of-office would paint
 * an idle person red (the colour of "do not contact") and claim an absence nobody declared,
 * so it stays yellow. A Switchboard client states its richer availability in
 * {@code <availability xmlns='urn:switchboard:presence:0'/>}, which wins over {@code show}.
 */
public final class XmppPresenceMapper {

    /**
     * Marks a relayed device that is only reachable (a registered phone,
     * {@link DevicePresence#capabilityOnly()}); other clients see priority -1 and ignore it.
     */
    public static final String CAPABILITY_ONLY = "capability-only";

    private static final Map<String, Availability> SHOW = Map.of(
            "chat", Availability.AVAILABLE,
            "away", Availability.AWAY,
            "xa", Availability.AWAY,
            "dnd", Availability.DO_NOT_DISTURB);

    private static final Map<String, Availability> RICH = Map.of(
            "available", Availability.AVAILABLE,
            "busy", Availability.BUSY,
            "on-the-phone", Availability.ON_THE_PHONE,
            "in-a-meeting", Availability.IN_A_MEETING,
            "idle", Availability.IDLE,
            "away", Availability.AWAY,
            "out-of-office", Availability.OUT_OF_OFFICE,
            "dnd", Availability.DO_NOT_DISTURB);

    /** Whether {@code show} is one of the four values RFC 6121 §4.7.2.1 allows. */
    public static boolean isValidShow(String show) {
        return SHOW.containsKey(show);
    }

    public DevicePresence toDevice(String resource, XmlElement presence, int priority, Instant now) {
        Availability availability = rich(presence)
                .orElseGet(() -> presence.childText("show").map(s -> SHOW.getOrDefault(s.strip(), Availability.AVAILABLE))
                        .orElse(Availability.AVAILABLE));
        String note = presence.childText("status").orElse("");
        return new DevicePresence(resource, availability, note, priority, Set.of(Capability.IM), now);
    }

    /**
     * The available presence stanza that shows a device of another protocol (a SIP phone) to XMPP
     * contacts as a resource of its user: the closest {@code show}, the note as status, the exact
     * availability in the Switchboard extension, and priority -1 so no client routes chats to a
     * resource that has no XMPP session (RFC 6121 §4.7.2.3). A capability-only device also carries
     * {@code <capability-only xmlns='urn:switchboard:presence:0'/>}.
     */
    public XmlElement toStanza(Jid from, DevicePresence device) {
        XmlElement.Builder stanza = XmlElement.builder("presence", Namespaces.CLIENT).attr("from", from.toString());
        String show = switch (device.availability()) {
            case AWAY, IDLE -> "away";
            case OUT_OF_OFFICE -> "xa";
            case BUSY, ON_THE_PHONE, IN_A_MEETING, DO_NOT_DISTURB -> "dnd";
            default -> null;
        };
        if (show != null) {
            stanza.textChild("show", show);
        }
        if (!device.note().isEmpty()) {
            stanza.textChild("status", device.note());
        }
        stanza.textChild("priority", "-1");
        RICH.entrySet().stream().filter(e -> e.getValue() == device.availability()).findFirst()
                .ifPresent(e -> stanza.child(XmlElement.builder("availability", Namespaces.SWITCHBOARD_PRESENCE)
                        .text(e.getKey()).build()));
        if (device.capabilityOnly()) {
            // a registered phone: Switchboard clients must not let it speak over a real status
            stanza.child(XmlElement.builder(CAPABILITY_ONLY, Namespaces.SWITCHBOARD_PRESENCE).build());
        }
        return stanza.build();
    }

    private static Optional<Availability> rich(XmlElement presence) {
        return presence.child("availability", Namespaces.SWITCHBOARD_PRESENCE)
                .map(e -> RICH.get(e.text().strip()));
    }
}
