package io.switchboard.sip.csta;

/**
 * Checks shared by the wire records: identifiers come from hostile peers and go back out as XML text, so
 * they are bounded and may hold no control characters (XML 1.0 cannot carry most of them anyway).
 */
final class CstaText {

    private CstaText() {
    }

    /** The value stripped, or an {@link IllegalArgumentException} naming {@code what} if blank, too long or not text. */
    static String token(String value, String what, int maxLength) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0xfffe || c == 0xffff) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < stripped.length()
                    && Character.isLowSurrogate(stripped.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // XML cannot carry half a character; written, it would not read back
                throw new IllegalArgumentException(what + " contains an unpaired surrogate");
            }
        }
        return stripped;
    }

    /** A monitor cross reference ID, checked like {@link MonitorStop#crossRefId()}. */
    static String crossRef(String value) {
        return token(value, "monitor cross reference ID", MonitorStop.MAX_CROSS_REF_LENGTH);
    }

    /** A printable, quoted and shortened form for exception messages and logs. */
    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String printable = text.replaceAll("[^ -~]", "?");
        return printable.length() <= 40 ? "'" + printable + "'" : "'" + printable.substring(0, 40) + "...'";
    }
}
