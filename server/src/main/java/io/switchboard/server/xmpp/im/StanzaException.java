package io.switchboard.server.xmpp.im;

/**
 * Thrown inside a handler when a stanza cannot be processed; the router answers the sender
 * with the stanza error (unless the stanza was itself an error or a result).
 */
public final class StanzaException extends Exception {
    private static final long serialVersionUID = 1L;

    private final StanzaError error;

    public StanzaException(StanzaError error, String message) {
        super(message);
        this.error = error;
    }

    public StanzaError error() {
        return error;
    }
}
