package io.switchboard.sip.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A PIDF tuple — a service in RFC 4479's terms (RFC 3863 §4.1.2).
 *
 * @param basic     open or closed; null when the tuple carries no basic status
 * @param deviceId  the RFC 4479 {@code dm:deviceID} of the device the service runs on, or null
 * @param contact   the contact URI, or null
 * @param timestamp when the tuple last changed, or null
 */
public record PidfTuple(String id, BasicStatus basic, String deviceId, String contact, List<PidfNote> notes,
                        Instant timestamp) {

    public PidfTuple {
        Objects.requireNonNull(id, "id");
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}
