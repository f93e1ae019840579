package io.switchboard.server.store;

/** Our side failed: the database could not do what was asked (or a uniqueness rule said no). */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
