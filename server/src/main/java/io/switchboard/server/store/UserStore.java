package io.switchboard.server.store;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;

import java.util.List;
import java.util.Optional;

/**
 * Accounts of the server's own domain. Passwords are never stored, only what verifies them:
 * SCRAM credentials (XMPP) and SIP digest HA1s for the store's digest realm, both derived
 * wherever a password is set.
 */
public interface UserStore {

    /** Creates a user with SCRAM-SHA-1/SHA-256 credentials and SIP digest HA1s; fails if the user exists. */
    void create(String username, char[] password) throws StoreException;

    void setPassword(String username, char[] password) throws StoreException;

    /** Removes the user with their roster, pending requests and offline messages; false if absent. */
    boolean delete(String username) throws StoreException;

    boolean exists(String username) throws StoreException;

    /**
     * Takes away what lets {@code username} sign in (their SCRAM and SIP digest credentials) and
     * keeps the rest (roster, offline messages, mailbox): e.g. for someone who left the directory.
     * Setting a password gives sign-in back. False if there is no such user.
     */
    boolean removeCredentials(String username) throws StoreException;

    List<String> list() throws StoreException;

    Optional<ScramCredential> credential(String username, ScramHash hash) throws StoreException;

    /**
     * The SIP digest HA1 of {@code username} for {@code realm} and {@code algorithm}; empty for an
     * unknown user, a realm other than the one the password was set for, or a user whose password
     * was set before the server stored digest credentials.
     */
    Optional<Ha1> digestCredential(String username, String realm, DigestAlgorithm algorithm) throws StoreException;
}
