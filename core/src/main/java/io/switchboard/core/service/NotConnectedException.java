package io.switchboard.core.service;

/** Our side: there is no connection to send on (signed out or reconnecting). */
public class NotConnectedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public NotConnectedException(String message) {
        super(message);
    }

    public NotConnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
