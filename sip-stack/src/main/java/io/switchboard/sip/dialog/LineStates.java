package io.switchboard.sip.dialog;

import io.switchboard.core.model.LineState;

import java.util.Collection;

/**
 * A line's lamp from its dialogs: ringing while a call to it is being set up (trying, proceeding,
 * early as recipient) — it wins, since a ringing call is the one a colleague may act on — busy
 * while any other dialog lives (answered, or a call the line places), idle when none does.
 * Stateless.
 */
public final class LineStates {

    private LineStates() {
    }

    public static LineState of(Collection<Dialog> dialogs) {
        boolean busy = false;
        for (Dialog dialog : dialogs) {
            DialogState state = dialog.state();
            if (state == DialogState.TERMINATED) {
                continue;
            }
            if (state != DialogState.CONFIRMED && dialog.direction() == DialogDirection.RECIPIENT) {
                return LineState.RINGING;
            }
            busy = true;
        }
        return busy ? LineState.BUSY : LineState.IDLE;
    }
}
