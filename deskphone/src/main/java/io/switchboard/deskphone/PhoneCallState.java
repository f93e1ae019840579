package io.switchboard.deskphone;

/** A desk-phone call as its display would show it. */
public enum PhoneCallState {
    /** We dialled; nothing from the callee's phone yet. */
    DIALING,
    /** Ringing: here (an incoming call to answer) or at the callee (our call). */
    RINGING,
    /** Answered; audio flows as the call's media direction says. */
    CONNECTED,
    /**
     * On hold: we held it ({@link DeskPhone#hold()}), or the other side re-offered sendonly or
     * inactive media (RFC 3264 8.4), as a CTI gateway does to hold the call.
     */
    HELD,
    /** Over. Ended calls stay in the status for a while, newest first, then are forgotten. */
    ENDED
}
