package io.switchboard.core.model;

/**
 * Whether a phone line is in use, as a busy lamp field shows it: derived from the line's calls
 * (in SIP, its RFC 4235 dialogs). Protocol-neutral so a UI needs core only.
 */
public enum LineState {
    /** Not known: not watched, not reported yet, or the watch was refused or ended. */
    UNKNOWN,
    /** No call. */
    IDLE,
    /** A call to the line is ringing (it could be picked up); wins over {@link #BUSY}. */
    RINGING,
    /** In a call, or placing one. */
    BUSY
}
