package io.switchboard.sip.csta;

import java.util.Objects;

/**
 * A CSTA body that {@link CstaParser} will not accept, with a {@link Kind} that says which CSTA error the
 * gateway answers it with ({@link #errorFor(CstaParseException)}).
 */
public final class CstaParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the body was refused. */
    public enum Kind {
        /**
         * Not well-formed, not UTF-8, over a limit (size, depth, element count), with a DOCTYPE or entity,
         * not in a CSTA namespace, or a value that is not valid (a blank device ID, a digit that is not DTMF).
         */
        MALFORMED,
        /** Well-formed, but the root element is no service or event this codec knows; see {@link #elementName()}. */
        UNKNOWN_SERVICE,
        /** A known service or event without an element ECMA-323 requires; see {@link #elementName()}. */
        MISSING_PARAMETER
    }

    private final Kind kind;
    private final String elementName;

    public CstaParseException(Kind kind, String message) {
        this(kind, message, null);
    }

    public CstaParseException(Kind kind, String message, String elementName) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.elementName = elementName;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * For {@link Kind#UNKNOWN_SERVICE} the unknown root element's local name, for
     * {@link Kind#MISSING_PARAMETER} the missing element's; null otherwise.
     */
    public String elementName() {
        return elementName;
    }

    /**
     * The CSTA error to answer a refused request with (in the INFO's 200 OK, as TR/87 answers all CSTA
     * errors). ECMA-269 §12.2.12 has no "malformed message" value, so:
     * <ul>
     * <li>{@link Kind#UNKNOWN_SERVICE}: {@code operation/invalidFeature}, ECMA's "the service is not
     * supported";</li>
     * <li>{@link Kind#MISSING_PARAMETER}: {@code operation/valueOutOfRange}, the nearest ECMA value for a
     * parameter without an acceptable value (ECMA-323 has no {@code invalidParameterValue});</li>
     * <li>{@link Kind#MALFORMED}: {@code operation/generic}, as nothing more precise can be said about a
     * body that could not be read.</li>
     * </ul>
     */
    public static CstaError errorFor(CstaParseException exception) {
        return switch (exception.kind()) {
            case UNKNOWN_SERVICE -> CstaError.INVALID_FEATURE;
            case MISSING_PARAMETER -> CstaError.VALUE_OUT_OF_RANGE;
            case MALFORMED -> CstaError.OPERATION_GENERIC;
        };
    }
}
