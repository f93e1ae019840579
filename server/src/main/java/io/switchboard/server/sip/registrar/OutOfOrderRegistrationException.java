package io.switchboard.server.sip.registrar;

/**
 * A REGISTER with the Call-ID of an existing binding but a CSeq not above it (RFC 3261 §10.3 step
 * 7): a late retransmission or a replay. The registrar answers 500 and changes nothing.
 */
public final class OutOfOrderRegistrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutOfOrderRegistrationException(String contact) {
        super("REGISTER for " + contact + " is older than the binding it would change");
    }
}
