package io.switchboard.server.sip.calls;

import io.switchboard.sip.dialog.DialogDirection;
import io.switchboard.sip.dialog.DialogStatus;

import java.time.Instant;

/**
 * One INVITE dialog as seen from one of its local parties (a user, or a desk line), for dialog
 * subscribers (RFC 4235): the side's tags, whether that party called or is being called, the
 * state, and which account the party is ({@code line} — the desk line when a line's owner is
 * watched).
 *
 * @param id        unique among the dialogs of one watched user, stable for the dialog's life
 * @param remoteTag null until the callee answered with a tag
 */
public record LineDialog(String id, String callId, String localTag, String remoteTag, DialogDirection direction,
                         DialogStatus status, String line, Instant since) {
}
