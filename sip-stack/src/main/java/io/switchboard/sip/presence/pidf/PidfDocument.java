package io.switchboard.sip.presence.pidf;

import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code application/pidf+xml} body: the presentity, its tuples (services), persons and
 * devices, and the document-level notes. Immutable; extensions this codec does not model are dropped.
 */
public record PidfDocument(String entity, List<PidfTuple> tuples, List<PidfPerson> persons,
                           List<PidfDevice> devices, List<PidfNote> notes) {

    public PidfDocument {
        Objects.requireNonNull(entity, "entity");
        tuples = List.copyOf(tuples == null ? List.of() : tuples);
        persons = List.copyOf(persons == null ? List.of() : persons);
        devices = List.copyOf(devices == null ? List.of() : devices);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}
