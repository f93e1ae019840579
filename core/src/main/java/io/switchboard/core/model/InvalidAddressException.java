package io.switchboard.core.model;

/** An address could not be parsed; the message says what is wrong with it, for a person. */
public class InvalidAddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidAddressException(String message) {
        super("Invalid address: " + message);
    }
}
