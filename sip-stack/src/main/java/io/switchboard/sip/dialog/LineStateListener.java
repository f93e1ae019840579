package io.switchboard.sip.dialog;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;

import java.util.Collection;

/** Hears of a watched line's changes, on the user agent's event thread. */
@FunctionalInterface
public interface LineStateListener {

    /** {@code line}'s lamp changed; {@code dialogs} are its live dialogs now (none when idle or unknown). */
    void lineStateChanged(Address line, LineState state, Collection<Dialog> dialogs);
}
