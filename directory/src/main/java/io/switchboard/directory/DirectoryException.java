package io.switchboard.directory;

/**
 * A directory operation failed. The subtypes say how, so that the caller can tell the user
 * something useful: wrong password, directory unreachable, too slow, certificate refused, or the
 * directory refused the request.
 */
public class DirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryException(String message) {
        super(message);
    }

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
