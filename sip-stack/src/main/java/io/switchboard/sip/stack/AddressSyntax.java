package io.switchboard.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Two errors in From, To and Contact that JAIN-SIP's parser lets through (RFC 3261 20.10, 25.1):
 * an unquoted display name with characters that only a quoted-string may carry (RFC 4475 3.1.2.15
 * "baddn": {@code From: Bell, Alexander <sip:...>}, where the comma would split the value), and a
 * URI with header fields ({@code ?}) written as a bare addr-spec (3.1.2.13 "regbadct"), where the
 * name-addr form with {@code <>} is required. The parser factory turns either into a parse error,
 * which the stack answers with 400. Only requests are checked: a user agent gains nothing by
 * dropping a response of a lenient server over its display name.
 */
final class AddressSyntax {

    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "f", "to", "t", "contact", "m");
    /** RFC 3261 25.1 separators that may not appear in an unquoted display name (tokens and LWS only). */
    private static final String NOT_IN_TOKEN = "()<>@,;:\\\"/[]?={}";

    private AddressSyntax() {
    }

    /** What is wrong with the first bad address field of the header section, or null. */
    static String problem(byte[] message) {
        if (message == null) {
            return null;
        }
        String text = new String(message, StandardCharsets.ISO_8859_1);
        if (text.stripLeading().regionMatches(true, 0, "SIP/", 0, 4)) {
            return null;
        }
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]+", " "); // unfold
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !ADDRESS_FIELDS.contains(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = lines[i].substring(colon + 1).strip();
            int angle = value.indexOf('<');
            if (angle < 0) {
                int params = value.indexOf(';');
                String uri = params < 0 ? value : value.substring(0, params);
                if (uri.indexOf('?') >= 0) {
                    return "URI with header fields outside <> in " + lines[i].substring(0, colon).strip();
                }
                continue;
            }
            String displayName = value.substring(0, angle).strip();
            if (displayName.startsWith("\"") || displayName.isEmpty()) {
                continue;
            }
            for (int c = 0; c < displayName.length(); c++) {
                if (NOT_IN_TOKEN.indexOf(displayName.charAt(c)) >= 0) {
                    return "unquoted display name with '" + displayName.charAt(c) + "' in "
                            + lines[i].substring(0, colon).strip();
                }
            }
        }
        return null;
    }
}
