package io.switchboard.sip.csta;

/**
 * The MIME type of CSTA XML bodies in SIP (ECMA TR/87 §7): every INVITE, INFO and 200 OK of a uaCSTA
 * session carries it, so the SIP layer tests bodies against these constants rather than spelling them.
 */
public final class CstaContentType {

    public static final String TYPE = "application";
    public static final String SUBTYPE = "csta+xml";
    public static final String VALUE = TYPE + "/" + SUBTYPE;

    private CstaContentType() {
    }

    /** Whether a Content-Type of {@code type}/{@code subType} (either may be null) is CSTA XML. */
    public static boolean matches(String type, String subType) {
        return TYPE.equalsIgnoreCase(type) && SUBTYPE.equalsIgnoreCase(subType);
    }
}
