package io.switchboard.sip.ua;

import javax.sip.header.Header;

/** Reading header values as text. Stateless. */
public final class SipHeaders {

    private SipHeaders() {
    }

    /** The value of {@code header} without its name, or null for no header. */
    public static String value(Header header) {
        if (header == null) {
            return null;
        }
        String text = header.toString();
        int colon = text.indexOf(':');
        return text.substring(colon + 1).strip();
    }
}
