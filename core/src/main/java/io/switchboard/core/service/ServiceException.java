package io.switchboard.core.service;

/** An operation of a service failed. Subtypes say whether the peer refused or we failed. */
public class ServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
