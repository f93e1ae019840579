package io.switchboard.sip.dialog;

import java.util.Objects;

/**
 * The {@code <state>} of a dialog (RFC 4235 §4.1.2): the state, and optionally the event that
 * caused it and the SIP response code involved (e.g. terminated by event rejected, code 486).
 *
 * @param event null when not said
 * @param code  a SIP response code 100-699, null when not said
 */
public record DialogStatus(DialogState state, DialogEvent event, Integer code) {

    public DialogStatus {
        Objects.requireNonNull(state, "state");
        if (code != null && (code < 100 || code > 699)) {
            throw new IllegalArgumentException("not a SIP response code: " + code);
        }
    }

    public static DialogStatus of(DialogState state) {
        return new DialogStatus(state, null, null);
    }
}
