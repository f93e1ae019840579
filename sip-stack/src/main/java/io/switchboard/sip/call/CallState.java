package io.switchboard.sip.call;

/** Where a call's INVITE dialog is (RFC 3261 12, 13). */
public enum CallState {
    /** Our INVITE is out, nothing heard yet but perhaps 100 Trying. */
    CALLING,
    /** The callee's device rings (180) or plays early media (183). */
    RINGING,
    /** An INVITE came in and rings here; answer, reject or let the caller cancel. */
    INCOMING,
    /** 200 OK sent or received and acknowledged: talking (or on hold). */
    CONNECTED,
    /** Over: BYE, CANCEL, a rejection or a failure. */
    ENDED
}
