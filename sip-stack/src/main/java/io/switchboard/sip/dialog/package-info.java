/**
 * The INVITE-initiated dialog event package (RFC 4235), for line state and the busy lamp field:
 * the wire objects {@link io.switchboard.sip.dialog.DialogInfo} and
 * {@link io.switchboard.sip.dialog.Dialog}, a hardened stateless
 * {@link io.switchboard.sip.dialog.DialogInfoParser}, a {@link io.switchboard.sip.dialog.DialogInfoWriter},
 * and the subscriber side: {@link io.switchboard.sip.dialog.LineStateWatcher} keeps one dialog
 * subscription per watched line and reports each line as idle, ringing or busy.
 */
package io.switchboard.sip.dialog;
