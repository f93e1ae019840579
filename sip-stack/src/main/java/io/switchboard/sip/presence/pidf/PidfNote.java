package io.switchboard.sip.presence.pidf;

import java.util.Objects;

/** A human-readable note with its optional {@code xml:lang}. */
public record PidfNote(String text, String lang) {

    public PidfNote {
        Objects.requireNonNull(text, "text");
    }

    public static PidfNote of(String text) {
        return new PidfNote(text, null);
    }
}
