package io.switchboard.sip.stack;

import java.nio.charset.StandardCharsets;

/**
 * The header fields of a raw SIP message, one logical field (folded lines joined) at a time,
 * read straight from the bytes. The parser factory's checks ({@link RepeatedSingleValueHeader},
 * {@link AddressSyntax}) run on every datagram before JAIN-SIP parses it; written with
 * {@code String.split} and {@code replaceAll} they were a quarter of the UDP threads' samples under
 * REGISTER load (docs/benchmarks.md, 2026-12-03 evening), so this scanner allocates only the
 * strings a check asks for.
 *
 * <p>Lines end with CRLF; the header section ends at the first empty line (or the end of the
 * bytes); the start line (after any leading CRLFs) is skipped; a line starting with SP or HTAB
 * continues the field before it; a line without a colon is ignored.
 */
final class HeaderFields {

    /** Looks at one field; returns non-null to stop the scan with that result. */
    @FunctionalInterface
    interface Visitor {
        String field(Field field);
    }

    /** One header field of the message being scanned; valid only during {@link Visitor#field}. */
    static final class Field {
        private final byte[] message;
        private int nameStart;
        private int nameEnd;
        private int valueStart;
        private int valueEnd;

        private Field(byte[] message) {
            this.message = message;
        }

        /** Whether the (stripped) name is {@code lowerCaseName}, ignoring ASCII case. */
        boolean nameIs(String lowerCaseName) {
            if (nameEnd - nameStart != lowerCaseName.length()) {
                return false;
            }
            for (int i = 0; i < lowerCaseName.length(); i++) {
                int b = message[nameStart + i] & 0xff;
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != lowerCaseName.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The name as written, stripped. */
        String name() {
            return new String(message, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
        }

        /** The value with folds (CRLF and the whitespace after it) turned into one space, stripped. */
        String value() {
            StringBuilder value = new StringBuilder(valueEnd - valueStart);
            int i = valueStart;
            while (i < valueEnd) {
                byte b = message[i];
                if (b == '\r' && i + 2 < valueEnd && message[i + 1] == '\n' && isBlank(message[i + 2])) {
                    value.append(' ');
                    i += 2;
                    while (i < valueEnd && isBlank(message[i])) {
                        i++;
                    }
                    continue;
                }
                value.append((char) (b & 0xff));
                i++;
            }
            return value.toString().strip();
        }
    }

    private HeaderFields() {
    }

    /** True when the message (after leading CRLFs) starts with {@code SIP/}: a response. */
    static boolean isResponse(byte[] message) {
        int i = 0;
        while (i < message.length && Character.isWhitespace((char) (message[i] & 0xff))) {
            i++;
        }
        if (message.length - i < 4) {
            return false;
        }
        return (message[i] == 'S' || message[i] == 's') && (message[i + 1] == 'I' || message[i + 1] == 'i')
                && (message[i + 2] == 'P' || message[i + 2] == 'p') && message[i + 3] == '/';
    }

    /** Calls {@code visitor} for each header field until it returns non-null; that, or null. */
    static String scan(byte[] message, Visitor visitor) {
        int pos = 0;
        while (pos + 1 < message.length && message[pos] == '\r' && message[pos + 1] == '\n') {
            pos += 2; // CRLFs before the start line
        }
        int end = headerEnd(message, pos);
        int startLineEnd = crlf(message, pos, end);
        if (startLineEnd < 0) {
            return null;
        }
        pos = startLineEnd + 2;
        Field field = new Field(message);
        while (pos < end) {
            int lineEnd = pos;
            while (true) {
                int next = crlf(message, lineEnd, end);
                if (next < 0) {
                    lineEnd = end;
                    break;
                }
                if (next + 2 < end && isBlank(message[next + 2])) {
                    lineEnd = next + 2; // folded: the field goes on
                    continue;
                }
                lineEnd = next;
                break;
            }
            if (!isBlank(message[pos])) {
                int colon = indexOf(message, (byte) ':', pos, lineEnd);
                if (colon > pos) {
                    field.nameStart = pos;
                    field.nameEnd = colon;
                    while (field.nameStart < field.nameEnd && isWhite(message[field.nameStart])) {
                        field.nameStart++;
                    }
                    while (field.nameEnd > field.nameStart && isWhite(message[field.nameEnd - 1])) {
                        field.nameEnd--;
                    }
                    field.valueStart = colon + 1;
                    field.valueEnd = lineEnd;
                    if (field.nameEnd > field.nameStart) {
                        String result = visitor.field(field);
                        if (result != null) {
                            return result;
                        }
                    }
                }
            }
            pos = lineEnd + 2;
        }
        return null;
    }

    /** Index of the empty line that ends the header section, or the length. */
    private static int headerEnd(byte[] m, int from) {
        for (int i = from; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i;
            }
        }
        return m.length;
    }

    private static int crlf(byte[] m, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] m, byte b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (m[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isWhite(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
