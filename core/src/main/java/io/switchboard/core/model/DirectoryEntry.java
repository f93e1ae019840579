package io.switchboard.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as the company directory describes them: what a search result and a contact card show.
 * Phone numbers are as the directory spells them; {@code dialable} ones are normalised (E.164 or an
 * extension) for calling.
 *
 * @param address the person's chat/call address (their directory user name at the server's domain)
 * @param photo   JPEG (or PNG) bytes, at most a few hundred KiB, when the directory has a photo
 */
public record DirectoryEntry(Address address, String displayName, Optional<String> title,
                             Optional<String> department, Optional<String> mail, List<String> workPhones,
                             List<String> mobilePhones, Optional<byte[]> photo) {

    public DirectoryEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(mail, "mail");
        workPhones = List.copyOf(workPhones);
        mobilePhones = List.copyOf(mobilePhones);
        Objects.requireNonNull(photo, "photo");
    }

    /** The first number to call: a work phone, else a mobile. */
    public Optional<String> preferredPhone() {
        return workPhones.stream().findFirst().or(() -> mobilePhones.stream().findFirst());
    }

    /** "Title, Department", whichever of the two is known; empty when neither is. */
    public String role() {
        return String.join(", ", java.util.stream.Stream.of(title, department).flatMap(Optional::stream).toList());
    }
}
