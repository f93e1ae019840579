package io.switchboard.core.service;

/** Our side: the request went out but no answer came back in time. */
public class NoResponseException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public NoResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
