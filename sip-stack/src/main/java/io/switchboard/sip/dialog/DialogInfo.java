package io.switchboard.sip.dialog;

import java.util.List;
import java.util.Objects;

/**
 * An {@code application/dialog-info+xml} document (RFC 4235 §4): the INVITE-initiated dialogs of
 * one entity (a user or a desk line). {@code version} counts up by one per notification within a
 * subscription so a subscriber can spot a lost one (§4.1); a {@code partial} document carries only
 * the dialogs that changed since the previous one, a {@code full} one every dialog there is.
 */
public record DialogInfo(long version, State state, String entity, List<Dialog> dialogs) {

    /** The event package name (RFC 4235 §3.1). */
    public static final String EVENT = "dialog";
    public static final String CONTENT_TYPE = "application";
    public static final String CONTENT_SUBTYPE = "dialog-info+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:dialog-info";

    /** Whether the document holds every dialog or only changed ones. */
    public enum State {
        FULL("full"),
        PARTIAL("partial");

        private final String token;

        State(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    public DialogInfo {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(entity, "entity");
        dialogs = List.copyOf(dialogs == null ? List.of() : dialogs);
    }
}
