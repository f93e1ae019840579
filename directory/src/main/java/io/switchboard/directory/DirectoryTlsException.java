package io.switchboard.directory;

/** TLS with the directory failed: StartTLS refused, handshake failed, or its certificate is not trusted. */
public class DirectoryTlsException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public DirectoryTlsException(String message) {
        super(message);
    }

    public DirectoryTlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
