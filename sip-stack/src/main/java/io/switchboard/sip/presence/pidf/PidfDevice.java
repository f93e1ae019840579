package io.switchboard.sip.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The RFC 4479 {@code dm:device}: a physical device services run on; {@code idle} from rpid:user-input. */
public record PidfDevice(String id, String deviceId, boolean idle, List<PidfNote> notes, Instant timestamp) {

    public PidfDevice {
        Objects.requireNonNull(id, "id");
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}
