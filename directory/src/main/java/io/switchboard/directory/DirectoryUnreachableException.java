package io.switchboard.directory;

/** The directory could not be reached: no connection, refused, or lost. */
public class DirectoryUnreachableException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnreachableException(String message) {
        super(message);
    }

    public DirectoryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
