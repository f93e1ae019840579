package io.switchboard.server.directory;

import io.switchboard.directory.DirectoryException;
import io.switchboard.directory.DirectoryInvalidCredentialsException;
import io.switchboard.directory.PeopleDirectory;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.server.xmpp.sasl.PasswordVerifier;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with the directory password (ADR 0029): the directory decides, by a bind as the user.
 * When it says yes, the server's own credentials for the user are brought in step with that
 * password — the user is created at their first sign-in if no sync brought them yet, and a changed
 * password replaces the stored one — because SIP digest authentication needs a secret the server
 * holds (an HA1), which it can only derive from a password it has seen.
 */
public final class DirectoryPasswordVerifier implements PasswordVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPasswordVerifier.class);

    private final PeopleDirectory directory;
    private final UserStore users;
    private final PasswordVerifier stored;

    /** @param stored checks a password against the stored credential, to derive new ones only when it changed */
    public DirectoryPasswordVerifier(PeopleDirectory directory, UserStore users, PasswordVerifier stored) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.users = Objects.requireNonNull(users, "users");
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    @Override
    public Verdict verify(String username, char[] password) {
        try {
            directory.authenticate(username, password);
        } catch (DirectoryInvalidCredentialsException e) {
            LOG.debug("The directory refused the sign-in of {}", username);
            return Verdict.REFUSED;
        } catch (DirectoryException e) {
            LOG.warn("Sign-in of {} not checked: {}", username, e.getMessage());
            return Verdict.UNAVAILABLE;
        }
        keepStoredCredentialsInStep(username, password);
        return Verdict.ACCEPTED;
    }

    private void keepStoredCredentialsInStep(String username, char[] password) {
        try {
            if (!users.exists(username) && createdFirst(username, password)) {
                LOG.info("{} signed in for the first time with their directory password; account created", username);
            } else if (stored.verify(username, password) != Verdict.ACCEPTED) {
                users.setPassword(username, password);
                LOG.info("{} signed in with a new directory password; the server's credentials follow it", username);
            }
        } catch (StoreException e) {
            // the sign-in stands (the directory decides); only SIP digest may not know the new password yet
            LOG.warn("Credentials of {} not brought in step with the directory: {}", username, e.getMessage());
        }
    }

    /**
     * Creates the account, or says a directory sync created it (without credentials) between the
     * look-up and the insert — the first sync runs while people already sign in — so that its
     * credentials are set instead of the sign-in leaving it with none.
     */
    private boolean createdFirst(String username, char[] password) throws StoreException {
        try {
            users.create(username, password);
            return true;
        } catch (StoreException e) {
            if (!users.exists(username)) {
                throw e;
            }
            LOG.debug("The account of {} appeared while they signed in (a directory sync): {}", username,
                    e.getMessage());
            return false;
        }
    }
}
