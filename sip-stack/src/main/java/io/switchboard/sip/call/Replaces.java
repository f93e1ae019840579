package io.switchboard.sip.call;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The Replaces header (RFC 3891 6.1): the dialog a new INVITE takes over, named by Call-ID and the
 * tags as the recipient sees them (to-tag = its local tag, from-tag = its remote tag). Carried
 * URI-escaped inside a REFER's Refer-To for an attended transfer (RFC 3891 7.1).
 */
public record Replaces(String callId, String toTag, String fromTag) {

    public static final String HEADER = "Replaces";
    private static final int MAX_LENGTH = 512;

    /** The header's value: {@code callid;to-tag=x;from-tag=y}. */
    public String value() {
        return callId + ";to-tag=" + toTag + ";from-tag=" + fromTag;
    }

    /** The value escaped for a URI header ({@code ?Replaces=...}). */
    String uriEscaped() {
        return URLEncoder.encode(value(), StandardCharsets.UTF_8);
    }

    /** Parses a header value; empty when malformed or missing a part. */
    public static Optional<Replaces> parse(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = value.trim().split(";");
        String callId = parts[0].trim();
        String to = null;
        String from = null;
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length != 2) {
                continue; // early-only and extension parameters carry no value we need
            }
            String name = pair[0].trim().toLowerCase(Locale.ROOT);
            if (name.equals("to-tag")) {
                to = pair[1].trim();
            } else if (name.equals("from-tag")) {
                from = pair[1].trim();
            }
        }
        if (callId.isEmpty() || to == null || to.isEmpty() || from == null || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Replaces(callId, to, from));
    }

    /** Parses the URI-escaped form found in a Refer-To's {@code ?Replaces=} header. */
    static Optional<Replaces> parseEscaped(String escaped) {
        try {
            return parse(URLDecoder.decode(escaped, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
