package io.switchboard.sip.presence.winfo;

/** The state of one watcher's subscription (RFC 3858 §3, RFC 3857 §3.2 state machine). */
public enum WatcherStatus {
    PENDING("pending"),
    ACTIVE("active"),
    WAITING("waiting"),
    TERMINATED("terminated");

    private final String token;

    WatcherStatus(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The status named {@code token}, or null for a value RFC 3858 does not define. */
    public static WatcherStatus fromToken(String token) {
        for (WatcherStatus status : values()) {
            if (status.token.equals(token)) {
                return status;
            }
        }
        return null;
    }
}
