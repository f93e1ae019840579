package io.switchboard.server.sip.presence;

import java.util.Optional;

/** The event packages the presence agent serves (SUBSCRIBE/NOTIFY of RFC 6665), with the body type each notifies. */
public enum EventPackage {
    /** RFC 3856, bodies in PIDF (RFC 3863). */
    PRESENCE("presence", "application", "pidf+xml"),
    /** RFC 3857 applied to presence, bodies in RFC 3858 watcher information. */
    PRESENCE_WINFO("presence.winfo", "application", "watcherinfo+xml"),
    /** RFC 3842, the voicemail indicator: bodies in application/simple-message-summary. */
    MESSAGE_SUMMARY("message-summary", "application", "simple-message-summary"),
    /** RFC 4235, line state for the busy lamp field: bodies in application/dialog-info+xml. */
    DIALOG("dialog", "application", "dialog-info+xml");

    private final String token;
    private final String contentType;
    private final String contentSubType;

    EventPackage(String token, String contentType, String contentSubType) {
        this.token = token;
        this.contentType = contentType;
        this.contentSubType = contentSubType;
    }

    public String token() {
        return token;
    }

    public String contentType() {
        return contentType;
    }

    public String contentSubType() {
        return contentSubType;
    }

    /** The package an Event header names (case-insensitive, RFC 6665 §8.2.1), if we serve it. */
    public static Optional<EventPackage> fromToken(String token) {
        for (EventPackage p : values()) {
            if (p.token.equalsIgnoreCase(token)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
