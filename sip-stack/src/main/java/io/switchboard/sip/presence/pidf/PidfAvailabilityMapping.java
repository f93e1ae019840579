package io.switchboard.sip.presence.pidf;

import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Capability;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.core.presence.PresenceComposer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps PIDF/RPID to core's {@link Presence} and back (ADR 0010). Reading: every tuple becomes a
 * {@link DevicePresence} (closed → OFFLINE; open → the person's state), composed by core's
 * {@link PresenceComposer}. The person's state is Switchboard's extension when present and known,
 * otherwise the least reachable state among its RPID activities, otherwise idle from user-input,
 * otherwise AVAILABLE. Writing: one tuple per device, one person with the RPID activity closest to
 * the state plus the extension with the exact state. Stateless and thread-safe.
 */
public final class PidfAvailabilityMapping {

    /** Device ids are written as URNs under this prefix so dm:deviceID stays a URI and maps back. */
    public static final String DEVICE_URN_PREFIX = "urn:switchboard:device:";
    private static final String PERSON_ID = "p";

    private static final Map<String, Availability> EXTENSION = Map.of(
            "available", Availability.AVAILABLE, "away", Availability.AWAY, "idle", Availability.IDLE,
            "busy", Availability.BUSY, "on-the-phone", Availability.ON_THE_PHONE,
            "in-a-meeting", Availability.IN_A_MEETING, "out-of-office", Availability.OUT_OF_OFFICE,
            "dnd", Availability.DO_NOT_DISTURB);

    private static final Map<RpidActivity, Availability> ACTIVITIES = Map.ofEntries(
            Map.entry(RpidActivity.ON_THE_PHONE, Availability.ON_THE_PHONE),
            Map.entry(RpidActivity.MEETING, Availability.IN_A_MEETING),
            Map.entry(RpidActivity.APPOINTMENT, Availability.IN_A_MEETING),
            Map.entry(RpidActivity.PRESENTATION, Availability.IN_A_MEETING),
            Map.entry(RpidActivity.BUSY, Availability.BUSY),
            Map.entry(RpidActivity.AWAY, Availability.AWAY),
            Map.entry(RpidActivity.MEAL, Availability.AWAY),
            Map.entry(RpidActivity.BREAKFAST, Availability.AWAY),
            Map.entry(RpidActivity.LUNCH, Availability.AWAY),
            Map.entry(RpidActivity.DINNER, Availability.AWAY),
            Map.entry(RpidActivity.SLEEPING, Availability.AWAY),
            Map.entry(RpidActivity.VACATION, Availability.OUT_OF_OFFICE),
            Map.entry(RpidActivity.HOLIDAY, Availability.OUT_OF_OFFICE),
            Map.entry(RpidActivity.PERMANENT_ABSENCE, Availability.OUT_OF_OFFICE));

    /** Free-text activities other clients use for do-not-disturb. */
    private static final Set<String> DND_OTHER = Set.of("do-not-disturb", "dnd", "donotdisturb");

    public Presence toPresence(PidfDocument document, Instant receivedAt) {
        return PresenceComposer.compose(devices(document, receivedAt));
    }

    /**
     * Every tuple as a device, closed ones included ({@link Availability#OFFLINE}): what a
     * presence server composes with the user's other devices, where an explicit "closed" counts.
     */
    public List<DevicePresence> devices(PidfDocument document, Instant receivedAt) {
        Optional<PidfPerson> person = document.persons().stream()
                .max(Comparator.comparing(p -> p.timestamp() == null ? Instant.MIN : p.timestamp()));
        Availability personState = person.map(PidfAvailabilityMapping::availability).orElse(Availability.AVAILABLE);
        String personNote = person.flatMap(p -> first(p.notes()))
                .or(() -> first(document.notes()))
                .orElse("");
        List<DevicePresence> devices = new ArrayList<>();
        for (PidfTuple tuple : document.tuples()) {
            Availability state = tuple.basic() == BasicStatus.OPEN ? personState : Availability.OFFLINE;
            String note = first(tuple.notes()).orElse(personNote);
            devices.add(new DevicePresence(deviceId(tuple), state, note, 0, Set.of(Capability.IM),
                    tuple.timestamp() == null ? receivedAt : tuple.timestamp()));
        }
        return devices;
    }

    public PidfDocument toPidf(String entity, Presence presence, Instant now) {
        List<PidfTuple> tuples = new ArrayList<>();
        List<DevicePresence> devices = presence.devices();
        for (int i = 0; i < devices.size(); i++) {
            DevicePresence device = devices.get(i);
            tuples.add(new PidfTuple("t" + i, basic(device.availability()), DEVICE_URN_PREFIX + device.deviceId(),
                    null, device.note().isEmpty() ? List.of() : List.of(PidfNote.of(device.note())),
                    device.updatedAt()));
        }
        if (tuples.isEmpty()) {
            tuples.add(new PidfTuple("t0", basic(presence.availability()), null, null, List.of(), now));
        }
        List<PidfNote> notes = presence.note().isEmpty() ? List.of() : List.of(PidfNote.of(presence.note()));
        List<PidfPerson> persons = presence.isOnline()
                ? List.of(person(presence.availability(), notes, now))
                : List.of();
        return new PidfDocument(entity, tuples, persons, List.of(), notes);
    }

    static Availability availability(PidfPerson person) {
        if (person.switchboardAvailability() != null) {
            Availability exact = EXTENSION.get(person.switchboardAvailability().toLowerCase(Locale.ROOT));
            if (exact != null) {
                return exact;
            }
        }
        if (person.otherActivities().stream().map(o -> o.toLowerCase(Locale.ROOT)).anyMatch(DND_OTHER::contains)) {
            return Availability.DO_NOT_DISTURB;
        }
        return person.activities().stream()
                .map(ACTIVITIES::get)
                .filter(a -> a != null)
                .max(Comparator.comparingInt(Availability::reachability))
                .orElse(person.idle() ? Availability.IDLE : Availability.AVAILABLE);
    }

    private static PidfPerson person(Availability availability, List<PidfNote> notes, Instant now) {
        Set<RpidActivity> activities = EnumSet.noneOf(RpidActivity.class);
        switch (availability) {
            case ON_THE_PHONE -> activities.add(RpidActivity.ON_THE_PHONE);
            case IN_A_MEETING -> activities.add(RpidActivity.MEETING);
            case BUSY, DO_NOT_DISTURB -> activities.add(RpidActivity.BUSY);
            case AWAY -> activities.add(RpidActivity.AWAY);
            case OUT_OF_OFFICE -> activities.add(RpidActivity.VACATION);
            default -> { }
        }
        String extension = EXTENSION.entrySet().stream()
                .filter(e -> e.getValue() == availability)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        return new PidfPerson(PERSON_ID, activities, List.of(), availability == Availability.IDLE, extension,
                notes, now);
    }

    private static BasicStatus basic(Availability availability) {
        return availability.isOnline() ? BasicStatus.OPEN : BasicStatus.CLOSED;
    }

    private static String deviceId(PidfTuple tuple) {
        if (tuple.deviceId() == null) {
            return tuple.id();
        }
        return tuple.deviceId().startsWith(DEVICE_URN_PREFIX)
                ? tuple.deviceId().substring(DEVICE_URN_PREFIX.length())
                : tuple.deviceId();
    }

    private static Optional<String> first(List<PidfNote> notes) {
        return notes.stream().map(PidfNote::text).filter(t -> !t.isEmpty()).findFirst();
    }
}
