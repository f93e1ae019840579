package io.switchboard.sip.presence.xcap;

import java.util.Optional;

/**
 * What a rule does with a subscription (RFC 5025 §3.2.1), in the RFC's order of permissiveness:
 * when several rules match, the highest value wins (RFC 4745 §10).
 */
public enum SubHandling {
    /** Reject the subscription: {@code terminated;reason=rejected}. */
    BLOCK("block"),
    /** Ask the presentity: the subscription stays pending (the default without a rule). */
    CONFIRM("confirm"),
    /** Accept but show the watcher nothing real (RFC 5025 §3.2.1). */
    POLITE_BLOCK("polite-block"),
    /** Accept and notify. */
    ALLOW("allow");

    private final String token;

    SubHandling(String token) {
        this.token = token;
    }

    /** The element text. */
    public String token() {
        return token;
    }

    public static Optional<SubHandling> fromToken(String token) {
        for (SubHandling value : values()) {
            if (value.token.equals(token)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
