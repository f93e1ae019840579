package io.switchboard.directory;

/** The directory answered the request with an error other than the ones with their own type (result code kept). */
public class DirectoryRefusedException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public DirectoryRefusedException(String message) {
        super(message);
    }

    public DirectoryRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
