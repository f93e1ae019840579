package io.switchboard.sip.presence.pidf;

/** A PIDF body that is not acceptable: malformed, too large, with a DTD, or with a must-understand extension we do not understand. */
public class PidfParseException extends Exception {

    public PidfParseException(String message) {
        super(message);
    }

    public PidfParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
