package io.switchboard.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds a header field that RFC 3261 allows once but a message carries twice (RFC 4475 3.3.8
 * "multi01": two CSeq, Call-ID, To, From, Max-Forwards; 3.3.9 "mcl01": two Content-Length).
 * JAIN-SIP's parser keeps one of the values without a word, so the message would be processed
 * with a guessed Call-ID or body length; the parser factory rejects it instead (400).
 */
final class RepeatedSingleValueHeader {

    /** Long name of each single-value field the check covers, by every name it may have on the wire. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"),
            Map.entry("cseq", "CSeq"),
            Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"));

    private RepeatedSingleValueHeader() {
    }

    /** The (long) name of the first single-value field that occurs twice in the header section, or null. */
    static String find(byte[] message) {
        if (message == null) {
            return null;
        }
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        Set<String> seen = new HashSet<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) { // line 0 is the start line
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // a folded continuation
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = NAMES.get(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (name != null && !seen.add(name)) {
                return name;
            }
        }
        return null;
    }
}
