package io.switchboard.sip.dialog;

/**
 * One side of a dialog, {@code <local>} or {@code <remote>} (RFC 4235 §4.1.6): its identity (the
 * From or To URI, with a display name) and its target (the Contact URI), each optional.
 */
public record Participant(String identity, String display, String target) {

    public Participant {
        if (identity == null && target == null) {
            throw new IllegalArgumentException("a participant needs an identity or a target");
        }
    }
}
