package io.switchboard.sip.dialog;

/** Who sent the dialog's INVITE, seen from the entity (RFC 4235 §4.1.1 {@code direction}). */
public enum DialogDirection {
    /** The entity called. */
    INITIATOR("initiator"),
    /** The entity is being called. */
    RECIPIENT("recipient");

    private final String token;

    DialogDirection(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The direction a token names, or null for one RFC 4235 does not define. */
    public static DialogDirection fromToken(String token) {
        for (DialogDirection d : values()) {
            if (d.token.equals(token)) {
                return d;
            }
        }
        return null;
    }
}
