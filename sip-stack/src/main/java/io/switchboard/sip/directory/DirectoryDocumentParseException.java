package io.switchboard.sip.directory;

/** A directory-location document that is malformed XML, too large, or names no usable directory. */
public class DirectoryDocumentParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryDocumentParseException(String message) {
        super(message);
    }

    public DirectoryDocumentParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
