package io.switchboard.core.model;

/** Where a call is, as the user sees it. */
public enum CallState {
    /** I dialled; nothing heard from the other side yet. */
    DIALING,
    /** The other side's phone rings (I hear ringback). */
    RINGING,
    /** The other side sends its own audio before answering (183 with SDP: an announcement, its ringback). */
    EARLY_MEDIA,
    /** Someone calls me and my phone rings. */
    INCOMING,
    /** Talking. */
    CONNECTED,
    /** I put the call on hold: no audio either way. */
    ON_HOLD,
    /** The other side put me on hold. */
    HELD,
    /** Over; {@link Call#end()} says why. */
    ENDED;

    public boolean isLive() {
        return this != ENDED;
    }

    /** Whether audio flows, or would if nobody muted: the state that makes me "On the phone". */
    public boolean isInProgress() {
        return this == CONNECTED || this == ON_HOLD || this == HELD;
    }
}
