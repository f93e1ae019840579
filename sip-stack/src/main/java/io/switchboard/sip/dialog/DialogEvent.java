package io.switchboard.sip.dialog;

/** Why a dialog moved to its state, the {@code event} attribute of {@code <state>} (RFC 4235 §4.1.2). */
public enum DialogEvent {
    CANCELLED("cancelled"),
    REJECTED("rejected"),
    REPLACED("replaced"),
    LOCAL_BYE("local-bye"),
    REMOTE_BYE("remote-bye"),
    ERROR("error"),
    TIMEOUT("timeout");

    private final String token;

    DialogEvent(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The event a token names, or null for one RFC 4235 does not define. */
    public static DialogEvent fromToken(String token) {
        for (DialogEvent e : values()) {
            if (e.token.equals(token)) {
                return e;
            }
        }
        return null;
    }
}
