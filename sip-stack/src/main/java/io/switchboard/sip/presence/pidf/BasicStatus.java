package io.switchboard.sip.presence.pidf;

/** RFC 3863 §4.1.4 basic status of a tuple: can the service be reached at all. */
public enum BasicStatus {
    OPEN, CLOSED;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
