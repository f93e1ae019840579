package io.switchboard.core.presence;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule that turns a user's many devices into the one presence everybody sees.
 * The server applies it to compose what watchers get; the client applies it to the
 * per-device presences it receives. Pure and stateless.
 *
 * <ol>
 *   <li>Offline only when no device is online.</li>
 *   <li>Do-not-disturb on any device beats everything: the person asked not to be disturbed.</li>
 *   <li>Otherwise the most communicative device speaks for the user
 *       ({@link Availability#reachability()}); among equals, the highest priority, then the
 *       most recently updated; the note comes from that device.</li>
 *   <li>Capabilities are the union of all online devices: a person with a softphone online
 *       can be called even while the chat device speaks for their availability.</li>
 *   <li>A {@linkplain DevicePresence#capabilityOnly() capability-only} device (a phone that is
 *       only registered) speaks only when the person states nothing anywhere: it makes a person
 *       whose one device is a desk phone reachable rather than offline, but never "available"
 *       over an away or busy they set elsewhere (Cisco's presence server treats phone
 *       registration the same way), nor over an explicit offline (a device that states
 *       {@link Availability#OFFLINE}, e.g. a PUBLISHed closed tuple). Rules 2 and 3 apply among
 *       the devices that may speak.</li>
 *   <li>A device in a call ({@link Availability#ON_THE_PHONE}) speaks over one that says only
 *       available, idle or away: the person is on the phone whatever their chat client shows
 *       (Cisco's presence server sets "On a call" over those the same way). Over busy, in a meeting
 *       and out of office it speaks by rule 3 already; do-not-disturb still wins (rule 2).</li>
 * </ol>
 */
public final class PresenceComposer {

    private static final Comparator<DevicePresence> SPEAKS_FIRST = Comparator
            .comparing(DevicePresence::capabilityOnly)
            .thenComparingInt((DevicePresence d) -> d.availability().reachability())
            .thenComparing(Comparator.comparingInt(DevicePresence::priority).reversed())
            .thenComparing(Comparator.comparing(DevicePresence::updatedAt).reversed())
            .thenComparing(DevicePresence::deviceId);

    private PresenceComposer() {
    }

    public static Presence compose(Collection<DevicePresence> devices) {
        if (devices.isEmpty()) {
            return Presence.OFFLINE;   // most contacts, most of the time: no stream pipeline for them
        }
        List<DevicePresence> online = devices.stream()
                .filter(d -> d.availability().isOnline())
                .sorted(SPEAKS_FIRST)
                .toList();
        if (online.isEmpty()) {
            return Presence.OFFLINE;
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        online.forEach(d -> capabilities.addAll(d.capabilities()));

        List<DevicePresence> stating = online.stream().filter(d -> !d.capabilityOnly()).toList();
        if (stating.isEmpty() && devices.stream().anyMatch(d -> !d.capabilityOnly())) {
            // the person said "offline" on a device (a PUBLISHed closed tuple): what they stated
            // beats what a registration suggests
            return Presence.OFFLINE;
        }
        List<DevicePresence> speakers = stating.isEmpty() ? online : stating;
        DevicePresence speaker = doNotDisturb(speakers).orElse(speakers.get(0));
        if (YIELDS_TO_A_CALL.contains(speaker.availability())) {
            speaker = onThePhone(speakers).orElse(speaker);
        }
        return new Presence(speaker.availability(), speaker.note(), online, capabilities);
    }

    private static final Set<Availability> YIELDS_TO_A_CALL =
            EnumSet.of(Availability.AVAILABLE, Availability.IDLE, Availability.AWAY);

    private static Optional<DevicePresence> onThePhone(List<DevicePresence> speakers) {
        return speakers.stream().filter(d -> d.availability() == Availability.ON_THE_PHONE).findFirst();
    }

    private static Optional<DevicePresence> doNotDisturb(List<DevicePresence> online) {
        return online.stream()
                .filter(d -> d.availability() == Availability.DO_NOT_DISTURB)
                .max(Comparator.comparing(DevicePresence::updatedAt));
    }
}
