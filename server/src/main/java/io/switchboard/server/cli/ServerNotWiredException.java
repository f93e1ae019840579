package io.switchboard.server.cli;

/** The launcher has no server to start: the composition root is not connected yet. */
public class ServerNotWiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerNotWiredException(String message) {
        super(message);
    }
}
