package io.switchboard.sip.stack;

/** A SIP stack could not be started: no free port, an address that cannot be bound, a JAIN-SIP refusal. */
public class SipStackException extends Exception {

    public SipStackException(String message) {
        super(message);
    }

    public SipStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
