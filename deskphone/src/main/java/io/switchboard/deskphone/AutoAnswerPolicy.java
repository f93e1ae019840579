package io.switchboard.deskphone;

/** When a desk phone answers an incoming call by itself. */
public enum AutoAnswerPolicy {
    /** Every incoming call is answered at once (the phone's "auto-answer" key is on). */
    ALWAYS,
    /**
     * Only calls whose INVITE asks for it ({@code Call-Info: ...;answer-after=N} or an
     * {@code Alert-Info} auto-answer hint), after the delay asked; all others ring. The default:
     * what a CTI gateway doing third-party call control (RFC 3725) relies on.
     */
    WHEN_ASKED,
    /** Every call rings until it is answered through the control API (or cancelled). */
    NEVER;

    /** Parses {@code always}, {@code when-asked} or {@code never} (any case, '-' or '_'). */
    public static AutoAnswerPolicy parse(String text) {
        String normalised = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (AutoAnswerPolicy policy : values()) {
            if (policy.name().equals(normalised)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("auto-answer must be always, when-asked or never: " + text);
    }
}
