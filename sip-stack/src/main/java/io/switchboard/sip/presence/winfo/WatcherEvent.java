package io.switchboard.sip.presence.winfo;

/** What caused a watcher's last state change (RFC 3858 §3, RFC 3857 §3.2). */
public enum WatcherEvent {
    SUBSCRIBE("subscribe"),
    APPROVED("approved"),
    DEACTIVATED("deactivated"),
    PROBATION("probation"),
    REJECTED("rejected"),
    TIMEOUT("timeout"),
    GIVEUP("giveup"),
    NORESOURCE("noresource");

    private final String token;

    WatcherEvent(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The event named {@code token}, or null for a value RFC 3858 does not define. */
    public static WatcherEvent fromToken(String token) {
        for (WatcherEvent event : values()) {
            if (event.token.equals(token)) {
                return event;
            }
        }
        return null;
    }
}
