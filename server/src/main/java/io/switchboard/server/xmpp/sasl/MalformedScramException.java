package io.switchboard.server.xmpp.sasl;

/** A SCRAM message does not follow RFC 5802's grammar; answered with malformed-request. */
final class MalformedScramException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedScramException(String message) {
        super(message, null, false, false);
    }
}
