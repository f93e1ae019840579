package io.switchboard.media;

/** Our side could not set up or run a call's media (no free port, codec unavailable, ...). */
public class MediaException extends Exception {

    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
