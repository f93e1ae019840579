package io.switchboard.sip.mwi;

import java.util.Locale;
import java.util.Optional;

/**
 * The message-context-class values of RFC 3458 §6.2 that RFC 3842 §5 uses as summary line names
 * ({@code Voice-Message: 2/8}). Unknown classes are not an error in a body (an extension may add
 * some) but are skipped by the parser, since a summary line's meaning depends on its class.
 */
public enum MessageContextClass {
    VOICE("voice-message"),
    FAX("fax-message"),
    PAGER("pager-message"),
    MULTIMEDIA("multimedia-message"),
    TEXT("text-message"),
    NONE("none");

    private final String token;

    MessageContextClass(String token) {
        this.token = token;
    }

    /** The name as written in a body, e.g. {@code voice-message}. */
    public String token() {
        return token;
    }

    /** The header name in the capitalisation the RFC's examples use, e.g. {@code Voice-Message}. */
    public String headerName() {
        StringBuilder out = new StringBuilder(token.length());
        boolean upper = true;
        for (char c : token.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }

    /** The class a line name denotes, case-insensitively (header names are, RFC 3842 §5.2). */
    public static Optional<MessageContextClass> fromToken(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (MessageContextClass c : values()) {
            if (c.token.equals(lower)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
