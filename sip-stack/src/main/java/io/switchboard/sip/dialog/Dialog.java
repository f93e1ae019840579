package io.switchboard.sip.dialog;

import java.util.Objects;

/**
 * One {@code <dialog>} of a dialog-info document (RFC 4235 §4.1.1): its id (unique within the
 * entity's dialogs), the SIP dialog identifiers when known (a dialog that is still trying has no
 * remote tag yet), who sent the INVITE, its state, and the two participants when the notifier
 * tells them.
 *
 * @param callId     null when the notifier does not reveal the dialog identifiers
 * @param localTag   null when not revealed
 * @param remoteTag  null while there is none yet (trying, proceeding) or when not revealed
 * @param direction  null when not said
 * @param duration   seconds since the dialog was created, null when not said
 * @param local      the entity's side, null when not said
 * @param remote     the other side, null when not said
 */
public record Dialog(String id, String callId, String localTag, String remoteTag, DialogDirection direction,
                     DialogStatus status, Long duration, Participant local, Participant remote) {

    public Dialog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (id.isBlank()) {
            throw new IllegalArgumentException("dialog id must not be blank");
        }
        if (duration != null && duration < 0) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }

    public DialogState state() {
        return status.state();
    }
}
