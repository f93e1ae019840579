package io.switchboard.app.settings;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which phone the calls use, remembered between runs.
 *
 * @param mode     softphone or desk phone
 * @param deskLine the desk line's extension as typed, e.g. "1001"; kept when the user goes back to
 *                 the softphone, so switching again needs no typing
 */
public record PhoneSettings(CallMode mode, String deskLine) {

    /** An extension or a line's user name: what stands before the @ of its SIP address. */
    private static final Pattern LINE = Pattern.compile("[A-Za-z0-9._+-]{1,32}");

    public static final PhoneSettings SOFTPHONE = new PhoneSettings(CallMode.SOFTPHONE, "");

    public PhoneSettings {
        mode = mode == null ? CallMode.SOFTPHONE : mode;
        deskLine = deskLine == null ? "" : deskLine.strip();
    }

    /** Desk-phone mode on {@code line}. */
    public static PhoneSettings deskPhone(String line) {
        return new PhoneSettings(CallMode.DESK_PHONE, line);
    }

    /** What is wrong with {@code line} as a desk line, for the form; empty when it will do. */
    public static Optional<String> lineProblem(String line) {
        String typed = line == null ? "" : line.strip();
        if (typed.isEmpty()) {
            return Optional.of("Enter your desk phone's line, like 1001.");
        }
        return LINE.matcher(typed).matches() ? Optional.empty()
                : Optional.of("A desk line is its extension, like 1001: letters, digits, . _ + - only.");
    }
}
