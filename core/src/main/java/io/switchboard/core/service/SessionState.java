package io.switchboard.core.service;

/** Where a {@link ClientSession} is in its life. */
public enum SessionState {
    /** Not signed in (never, or signed out by the user). */
    SIGNED_OUT,
    /** Signing in: connecting, securing, authenticating, loading the buddy list. */
    CONNECTING,
    /** Signed in and usable. */
    CONNECTED,
    /** The connection was lost; the session retries by itself with back-off. */
    RECONNECTING,
    /** Signing in failed or reconnecting gave up for a reason retrying cannot fix. */
    FAILED
}
