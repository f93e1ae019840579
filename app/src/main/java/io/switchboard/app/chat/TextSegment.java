package io.switchboard.app.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A piece of a message body: plain text, or a link the user can click. */
public record TextSegment(String text, boolean link) {

    // http(s) and xmpp URIs; stops at white space and at angle brackets/quotes that usually wrap a link
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|xmpp:)[^\\s<>\"]+");
    // punctuation that ends a sentence rather than the link ("see https://x.org/a.")
    private static final String TRAILING = ".,;:!?)]}'";

    public TextSegment {
        Objects.requireNonNull(text, "text");
    }

    /** Splits {@code body} into text and link segments, in order; a body without links is one text segment. */
    public static List<TextSegment> split(String body) {
        List<TextSegment> segments = new ArrayList<>();
        Matcher m = LINK.matcher(body);
        int plainStart = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(body.charAt(end - 1)) >= 0 && !balancedParen(body, m.start(), end)) {
                end--;
            }
            if (end - m.start() <= "xmpp:".length()) {
                continue;
            }
            if (m.start() > plainStart) {
                segments.add(new TextSegment(body.substring(plainStart, m.start()), false));
            }
            segments.add(new TextSegment(body.substring(m.start(), end), true));
            plainStart = end;
        }
        if (plainStart < body.length()) {
            segments.add(new TextSegment(body.substring(plainStart), false));
        }
        return List.copyOf(segments);
    }

    /** Keeps a closing parenthesis that belongs to the link (Wikipedia-style URLs). */
    private static boolean balancedParen(String body, int start, int end) {
        if (body.charAt(end - 1) != ')') {
            return false;
        }
        String candidate = body.substring(start, end);
        return candidate.chars().filter(c -> c == '(').count() >= candidate.chars().filter(c -> c == ')').count();
    }
}
