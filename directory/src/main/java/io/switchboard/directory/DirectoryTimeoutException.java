package io.switchboard.directory;

/** The directory did not answer within the time limit (ours or the server's timeLimitExceeded). */
public class DirectoryTimeoutException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public DirectoryTimeoutException(String message) {
        super(message);
    }

    public DirectoryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
