package io.switchboard.deskphone;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads whether an incoming INVITE asks the phone to answer by itself, the ways CTI gateways and
 * PBXs ask desk phones to (there is no one standard):
 * <ul>
 *   <li>{@code Call-Info: <sip:example.com>;answer-after=0} — answer after that many seconds
 *       (draft-ietf-sip-answermode's predecessor, used by Polycom, Yealink, Snom, Cisco);</li>
 *   <li>{@code Alert-Info: <http://localhost>;info=alert-autoanswer} (Polycom, Grandstream) or
 *       {@code ...;info=auto-answer} / {@code ;info=autoanswer} (Yealink, Snom) — answer at once.</li>
 * </ul>
 * Header values may hold several comma-separated entries; parameters are matched without regard
 * to case. A malformed or negative {@code answer-after} is ignored (the call rings); an absurdly
 * long one is capped at {@link #MAX_DELAY}.
 */
public final class AutoAnswerRequest {

    /** The longest delay honoured; a request for more is answered after this. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);
    /** What a header value longer than this holds is not looked at (hostile input). */
    static final int MAX_VALUE_LENGTH = 1024;

    private static final List<String> AUTO_ANSWER_INFO = List.of("alert-autoanswer", "auto-answer", "autoanswer",
            "auto answer");

    private AutoAnswerRequest() {
    }

    /**
     * The delay after which the INVITE asks to be answered, or empty when it does not ask.
     *
     * @param callInfo  the INVITE's Call-Info header values (without the header name)
     * @param alertInfo its Alert-Info header values
     */
    public static Optional<Duration> requestedDelay(List<String> callInfo, List<String> alertInfo) {
        Optional<Duration> shortest = Optional.empty();
        for (String entry : entries(callInfo)) {
            Optional<String> after = parameter(entry, "answer-after");
            if (after.isPresent()) {
                shortest = shorter(shortest, seconds(after.get()));
            }
        }
        for (String entry : entries(alertInfo)) {
            Optional<String> info = parameter(entry, "info");
            if (info.isPresent() && AUTO_ANSWER_INFO.contains(info.get().toLowerCase(Locale.ROOT))) {
                shortest = shorter(shortest, Optional.of(Duration.ZERO));
            }
            Optional<String> after = parameter(entry, "answer-after");
            if (after.isPresent()) {
                shortest = shorter(shortest, seconds(after.get()));
            }
        }
        return shortest;
    }

    private static Optional<Duration> shorter(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) <= 0 ? a : b;
    }

    private static Optional<Duration> seconds(String value) {
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        Duration delay = Duration.ofSeconds(Long.parseLong(digits));
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    /** Splits header values at the commas between entries (not those inside {@code <...>} or quotes). */
    static List<String> entries(List<String> values) {
        List<String> entries = new java.util.ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (String value : values) {
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                continue;
            }
            int depth = 0;
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '<') {
                    depth++;
                } else if (!quoted && c == '>') {
                    depth = Math.max(0, depth - 1);
                } else if (!quoted && depth == 0 && c == ',') {
                    entries.add(value.substring(start, i).strip());
                    start = i + 1;
                }
            }
            entries.add(value.substring(start).strip());
        }
        return entries;
    }

    /** The value of parameter {@code name} after the entry's {@code <uri>}, unquoted; empty if absent. */
    static Optional<String> parameter(String entry, String name) {
        int close = entry.lastIndexOf('>');
        String params = close < 0 ? entry : entry.substring(close + 1);
        for (String param : params.split(";")) {
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).strip();
            if (key.equalsIgnoreCase(name)) {
                String value = eq < 0 ? "" : param.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
