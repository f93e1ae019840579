package io.switchboard.sip.presence.xcap;

/**
 * An XCAP request that did not succeed: the server's HTTP status and the body it explained it with
 * (an RFC 4825 §11 {@code <xcap-error>} for 409), or status 0 when no answer came (unreachable,
 * timeout, interrupted).
 */
public class XcapException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public XcapException(int status, String message) {
        super(message);
        this.status = status;
    }

    public XcapException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when the server did not answer. */
    public int status() {
        return status;
    }
}
