package io.switchboard.sip.csta;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sends DTMF on a connection (ECMA-269 §18.1.3). Only the sixteen DTMF characters ({@code 0-9 * # A-D}),
 * at most {@value #MAX_DIGITS} of them: anything else is a peer trying something, not a key press.
 */
public record GenerateDigits(ConnectionId connectionToSendDigits, String charactersToSend) implements CstaRequest {

    public static final int MAX_DIGITS = 32;
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]{1," + MAX_DIGITS + "}");

    public GenerateDigits {
        Objects.requireNonNull(connectionToSendDigits, "connectionToSendDigits");
        if (charactersToSend == null || !DTMF.matcher(charactersToSend).matches()) {
            throw new IllegalArgumentException("charactersToSend must be 1 to " + MAX_DIGITS
                    + " of 0-9 * # A-D, not " + CstaText.abbreviate(charactersToSend));
        }
    }
}
