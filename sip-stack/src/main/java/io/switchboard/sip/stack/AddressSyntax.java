package io.switchboard.sip.stack;

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

    private static final String[] ADDRESS_FIELDS = {"from", "f", "to", "t", "contact", "m"};
    /** RFC 3261 25.1 separators that may not appear in an unquoted display name (tokens and LWS only). */
    private static final String NOT_IN_TOKEN = "()<>@,;:\\\"/[]?={}";

    private AddressSyntax() {
    }

    /** What is wrong with the first bad address field of the header section, or null. */
    static String problem(byte[] message) {
        if (message == null || HeaderFields.isResponse(message)) {
            return null;
        }
        return HeaderFields.scan(message, AddressSyntax::problem);
    }

    private static String problem(HeaderFields.Field field) {
        if (!isAddressField(field)) {
            return null;
        }
        String value = field.value();
        int angle = value.indexOf('<');
        if (angle < 0) {
            int params = value.indexOf(';');
            String uri = params < 0 ? value : value.substring(0, params);
            if (uri.indexOf('?') >= 0) {
                return "URI with header fields outside <> in " + field.name();
            }
            return null;
        }
        String displayName = value.substring(0, angle).strip();
        if (displayName.startsWith("\"") || displayName.isEmpty()) {
            return null;
        }
        for (int c = 0; c < displayName.length(); c++) {
            if (NOT_IN_TOKEN.indexOf(displayName.charAt(c)) >= 0) {
                return "unquoted display name with '" + displayName.charAt(c) + "' in " + field.name();
            }
        }
        return null;
    }

    private static boolean isAddressField(HeaderFields.Field field) {
        for (String name : ADDRESS_FIELDS) {
            if (field.nameIs(name)) {
                return true;
            }
        }
        return false;
    }
}
