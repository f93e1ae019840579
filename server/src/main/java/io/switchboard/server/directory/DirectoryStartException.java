package io.switchboard.server.directory;

/** The embedded directory could not start (its port taken, a bad address); the message says what to change. */
public final class DirectoryStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
