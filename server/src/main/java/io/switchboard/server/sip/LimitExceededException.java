package io.switchboard.server.sip;

/**
 * A peer asked for more than one user may hold: bindings, publications or subscriptions. Bounds
 * the memory one authenticated user can claim; answered with 403 and a reason phrase naming the
 * limit (the peer said too much, our side did not fail).
 */
public final class LimitExceededException extends Exception {

    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }
}
