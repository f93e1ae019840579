package io.switchboard.media;

import java.util.Locale;

/** An SDP media stream's direction attribute (RFC 3264 5.1, 6.1), from the local side. */
public enum MediaDirection {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    MediaDirection(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other side: our sendonly is the peer's recvonly. */
    public MediaDirection reversed() {
        return of(receives, sends);
    }

    /** The most an answerer may use, given what the offer allows and what it wants itself. */
    public MediaDirection and(MediaDirection other) {
        return of(sends && other.sends, receives && other.receives);
    }

    /** The SDP attribute name, e.g. {@code sendonly}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaDirection of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }
}
