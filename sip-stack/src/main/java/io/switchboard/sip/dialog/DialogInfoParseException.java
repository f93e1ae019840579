package io.switchboard.sip.dialog;

/**
 * A dialog-info body that is not acceptable: malformed, too large, too deep, with a DTD or entity
 * references, with more dialogs than allowed, or with values RFC 4235 does not define.
 */
public class DialogInfoParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public DialogInfoParseException(String message) {
        super(message);
    }

    public DialogInfoParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
