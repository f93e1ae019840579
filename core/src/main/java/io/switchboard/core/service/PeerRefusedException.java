package io.switchboard.core.service;

/**
 * The server or peer answered, and the answer was no. {@code condition} is the protocol's
 * error condition (e.g. XMPP {@code item-not-found}, {@code not-authorized}).
 */
public class PeerRefusedException extends ServiceException {
    private static final long serialVersionUID = 1L;
    private final String condition;

    public PeerRefusedException(String condition, String message) {
        super(message);
        this.condition = condition;
    }

    public PeerRefusedException(String condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }
}
