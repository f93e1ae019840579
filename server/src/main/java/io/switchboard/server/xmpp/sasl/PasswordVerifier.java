package io.switchboard.server.xmpp.sasl;

/**
 * Decides whether a password given in SASL PLAIN is the user's: against the credentials the server
 * stores, or by binding to the people directory (ADR 0029). Blocking (a store read, PBKDF2, an
 * LDAP bind): called on authentication workers only.
 */
public interface PasswordVerifier {

    /** What the check found. */
    enum Verdict {
        ACCEPTED,
        /** Unknown user or wrong password: the two are answered alike. */
        REFUSED,
        /** Nobody could tell (the store or the directory failed): try again later. */
        UNAVAILABLE
    }

    /** @param username the normalised local part */
    Verdict verify(String username, char[] password);
}
