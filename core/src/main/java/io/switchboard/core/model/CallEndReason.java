package io.switchboard.core.model;

/** Why a call ended or never connected: what the call history and the failure message say. */
public enum CallEndReason {
    /** I hung up, or cancelled my call before it was answered. */
    HUNG_UP,
    /** The other side hung up, or the caller gave up while it rang here (a missed call). */
    REMOTE_HUNG_UP,
    /** I declined the incoming call. */
    DECLINED_BY_ME,
    BUSY,
    DECLINED,
    NOT_FOUND,
    /** The user exists but is not signed in on any phone. */
    UNAVAILABLE,
    NO_ANSWER,
    /** I transferred the other party to someone else (blind or attended). */
    TRANSFERRED,
    /** The other party transferred me, or my call was taken over by a transferred one. */
    REPLACED,
    /** No codec or media both sides accept. */
    NO_COMMON_MEDIA,
    /** Anything else; the call's detail text says what. */
    FAILED
}
