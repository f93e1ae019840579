package io.switchboard.server.sip.registrar;

/**
 * A REGISTER with the Call-ID of an existing binding but a lower CSeq (RFC 3261 §10.3 step 7:
 * "the update MUST be aborted and the request fails"): a request overtaken by a later one of the
 * same client, or a replay. The registrar answers 500 and changes nothing. (The same CSeq is a
 * retransmission and gets the current bindings: {@link LocationService#update}.)
 */
public final class OutOfOrderRegistrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutOfOrderRegistrationException(String contact) {
        super("REGISTER for " + contact + " is older than the binding it would change");
    }
}
