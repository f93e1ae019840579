package io.switchboard.app.main;

/** What the connection banner of the main window shows. */
public enum BannerKind {
    /** Connected: no banner. */
    NONE,
    /** The connection was lost; the session retries by itself. */
    RECONNECTING,
    /** The session gave up (or was refused); only signing in again helps. */
    FAILED
}
