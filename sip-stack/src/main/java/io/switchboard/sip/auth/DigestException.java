package io.switchboard.sip.auth;

/**
 * A digest header that cannot be parsed (malformed, too long, missing a required parameter) or a
 * challenge that cannot be answered (an algorithm or qop this implementation does not support).
 * Servers answer such requests with 400; clients give up authenticating.
 */
public class DigestException extends Exception {

    public DigestException(String message) {
        super(message);
    }
}
