package io.switchboard.sip.presence.xcap;

/**
 * A pres-rules document or rule that is not acceptable: malformed XML ({@link #notWellFormed()}),
 * or well-formed but not what RFC 4745/5025 allow (a missing rule id, an unknown sub-handling
 * value, a DTD, too large, too deep). An XCAP server maps the first to {@code <not-well-formed/>}
 * and the second to {@code <schema-validation-error/>} (RFC 4825 §11).
 */
public class PresRulesParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean notWellFormed;

    public PresRulesParseException(String message) {
        this(message, false, null);
    }

    public PresRulesParseException(String message, boolean notWellFormed, Throwable cause) {
        super(message, cause);
        this.notWellFormed = notWellFormed;
    }

    /** True when the body is not well-formed XML at all. */
    public boolean notWellFormed() {
        return notWellFormed;
    }
}
