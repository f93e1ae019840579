package io.switchboard.server.store;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;

import java.util.List;
import java.util.Optional;

/** Accounts of the server's own domain. Passwords are never stored, only SCRAM credentials. */
public interface UserStore {

    /** Creates a user with SCRAM-SHA-1 and SCRAM-SHA-256 credentials; fails if the user exists. */
    void create(String username, char[] password) throws StoreException;

    void setPassword(String username, char[] password) throws StoreException;

    /** Removes the user with their roster, pending requests and offline messages; false if absent. */
    boolean delete(String username) throws StoreException;

    boolean exists(String username) throws StoreException;

    List<String> list() throws StoreException;

    Optional<ScramCredential> credential(String username, ScramHash hash) throws StoreException;
}
