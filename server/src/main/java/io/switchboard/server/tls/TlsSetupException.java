package io.switchboard.server.tls;

/** The server's certificate could not be created or loaded; the message says which file and what to do. */
public class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public TlsSetupException(String message) {
        super(message);
    }
}
