package io.switchboard.sip.auth;

/** The outcome of checking a {@link DigestResponse}, and what the server answers for it. */
public enum DigestVerification {
    /** Right credentials, fresh nonce: let the request through. */
    VALID,
    /** Right credentials on an expired nonce: challenge again with {@code stale=true}. */
    STALE_NONCE,
    /** A nonce this server never issued or that was altered: challenge again. */
    INVALID_NONCE,
    /** A realm other than this server's: challenge again. */
    WRONG_REALM,
    /** Missing or malformed qop, nc or cnonce, or an algorithm not offered: answer 400. */
    MALFORMED,
    /** Unknown user or wrong password: challenge again (and count it for rate limiting). */
    WRONG_CREDENTIALS;

    public boolean isValid() {
        return this == VALID;
    }
}
