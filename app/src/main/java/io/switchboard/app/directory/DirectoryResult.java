package io.switchboard.app.directory;

import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.model.PresenceColour;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;

/**
 * One person in the directory's results (or on a contact card) as the screen shows them: the
 * entry, the texts of its lines and their live presence colour.
 */
public final class DirectoryResult {

    private final DirectoryEntry entry;
    private final ObservableValue<PresenceColour> presence;
    private final Optional<Image> photo;

    public DirectoryResult(DirectoryEntry entry, ObservableValue<PresenceColour> presence) {
        this(entry, presence, Optional.empty());
    }

    /** @param photo the entry's photo, already decoded (see {@link Photos}) */
    public DirectoryResult(DirectoryEntry entry, ObservableValue<PresenceColour> presence, Optional<Image> photo) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.photo = Objects.requireNonNull(photo, "photo");
    }

    /** The directory's photo of the person; empty when it has none (initials are shown instead). */
    public Optional<Image> photo() {
        return photo;
    }

    public DirectoryEntry entry() {
        return entry;
    }

    public ObservableValue<PresenceColour> presence() {
        return presence;
    }

    public String name() {
        return entry.displayName().isBlank() ? entry.address().toString() : entry.displayName();
    }

    /** "Title, Department"; empty when the directory knows neither. */
    public String role() {
        return entry.role();
    }

    /** The work numbers, then the mobiles, as the directory spells them, on one line. */
    public String phones() {
        return Stream.concat(entry.workPhones().stream(), entry.mobilePhones().stream())
                .collect(Collectors.joining(" · "));
    }

    public String mail() {
        return entry.mail().orElse("");
    }

    /** For someone without a photo: the first letters of their first and last name ("BB"). */
    public String initials() {
        String[] words = name().strip().split("[\\s.@_-]+");
        String letters = Arrays.stream(words).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, w.offsetByCodePoints(0, 1)))
                .collect(Collectors.joining());
        if (letters.isEmpty()) {
            return "?";
        }
        String firstAndLast = letters.codePointCount(0, letters.length()) <= 2 ? letters
                : letters.substring(0, letters.offsetByCodePoints(0, 1))
                        + letters.substring(letters.offsetByCodePoints(0, letters.codePointCount(0, letters.length()) - 1));
        return firstAndLast.toUpperCase(Locale.ROOT);
    }

    /** What a screen reader says for the row. */
    public String accessibleText() {
        return Stream.of(name(), role(), phones(), mail()).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return accessibleText();
    }
}
