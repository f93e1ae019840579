package io.switchboard.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the {@code Digest} auth-param list shared by WWW-Authenticate,
 * Proxy-Authenticate, Authorization and Proxy-Authorization (RFC 3261 §25.1, RFC 7616 §3.3):
 * {@code Digest name=token, name="quoted \"string\"", ...}. Names are case-insensitive and
 * returned in lower case; a repeated name, an unterminated quote or an over-long value is an
 * error. Stateless and thread-safe.
 */
final class DigestParameters {

    /** Far above any real header, far below anything that could hurt. */
    static final int MAX_LENGTH = 4_096;
    private static final int MAX_PARAMETERS = 32;
    private static final String SCHEME = "Digest";

    private DigestParameters() {
    }

    static Map<String, String> parse(String headerValue) throws DigestException {
        if (headerValue == null) {
            throw new DigestException("missing digest header value");
        }
        if (headerValue.length() > MAX_LENGTH) {
            throw new DigestException("digest header longer than " + MAX_LENGTH + " characters");
        }
        String value = headerValue.strip();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || value.length() == SCHEME.length()
                || !Character.isWhitespace(value.charAt(SCHEME.length()))) {
            throw new DigestException("not a Digest header: " + abbreviate(value));
        }
        return parseList(value, SCHEME.length());
    }

    private static Map<String, String> parseList(String value, int start) throws DigestException {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = start;
        while (true) {
            i = skipSpace(value, i);
            if (i >= value.length()) {
                break;
            }
            int nameStart = i;
            while (i < value.length() && isTokenChar(value.charAt(i))) {
                i++;
            }
            String name = value.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(value, i);
            if (name.isEmpty() || i >= value.length() || value.charAt(i) != '=') {
                throw new DigestException("malformed digest parameter near position " + nameStart);
            }
            i = skipSpace(value, i + 1);
            StringBuilder parameterValue = new StringBuilder();
            i = value.startsWith("\"", i) ? readQuoted(value, i, parameterValue) : readToken(value, i, parameterValue);
            if (parameters.put(name, parameterValue.toString()) != null) {
                throw new DigestException("repeated digest parameter: " + name);
            }
            if (parameters.size() > MAX_PARAMETERS) {
                throw new DigestException("more than " + MAX_PARAMETERS + " digest parameters");
            }
            i = skipSpace(value, i);
            if (i < value.length()) {
                if (value.charAt(i) != ',') {
                    throw new DigestException("expected ',' at position " + i);
                }
                i++;
            }
        }
        return parameters;
    }

    private static int readQuoted(String value, int openingQuote, StringBuilder out) throws DigestException {
        int i = openingQuote + 1;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < value.length()) {
                i++;
                c = value.charAt(i);
            }
            out.append(c);
            i++;
        }
        throw new DigestException("unterminated quoted string at position " + openingQuote);
    }

    private static int readToken(String value, int start, StringBuilder out) throws DigestException {
        int i = start;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            out.append(value.charAt(i));
            i++;
        }
        if (i == start) {
            throw new DigestException("empty digest parameter value at position " + start);
        }
        return i;
    }

    private static int skipSpace(String value, int i) {
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /** RFC 3261 token characters, plus '/' seen unquoted in real-world nonces and algorithm values. */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-.!%*_+`'~/:@".indexOf(c) >= 0;
    }

    static String require(Map<String, String> parameters, String name) throws DigestException {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new DigestException("digest parameter missing: " + name);
        }
        return value;
    }

    /** Starts a header value: {@code Digest }. */
    static StringBuilder header() {
        return new StringBuilder(SCHEME).append(' ');
    }

    static void appendQuoted(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        separate(out);
        out.append(name).append("=\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    static void appendToken(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        separate(out);
        out.append(name).append('=').append(value);
    }

    private static void separate(StringBuilder out) {
        if (out.length() > SCHEME.length() + 1) {
            out.append(", ");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
