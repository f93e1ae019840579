package io.switchboard.sip.dialog;

/**
 * The states of RFC 4235's dialog state machine (§3.7.1): trying after the INVITE, proceeding
 * after a provisional response without a To tag, early after one with a tag (the callee rings),
 * confirmed after a 2xx, terminated at the end.
 */
public enum DialogState {
    TRYING("trying"),
    PROCEEDING("proceeding"),
    EARLY("early"),
    CONFIRMED("confirmed"),
    TERMINATED("terminated");

    private final String token;

    DialogState(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The state a token names, or null for one RFC 4235 does not define. */
    public static DialogState fromToken(String token) {
        for (DialogState s : values()) {
            if (s.token.equals(token)) {
                return s;
            }
        }
        return null;
    }
}
