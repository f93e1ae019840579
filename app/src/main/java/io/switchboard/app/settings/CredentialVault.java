package io.switchboard.app.settings;

import java.util.Optional;

/**
 * The operating system's password store, for "remember me". Passwords are never written in
 * plain text: when no secure store works, {@link NoCredentialVault} remembers nothing.
 * Calls may start a tool or a native call: run them off the UI thread.
 */
public interface CredentialVault {

    /** Shown to the user, e.g. "the GNOME keyring (Secret Service)". */
    String description();

    /** False for {@link NoCredentialVault}: the UI then says the password will not be remembered. */
    default boolean canRemember() {
        return true;
    }

    void store(String account, char[] password) throws CredentialVaultException;

    /** The stored password, or empty when there is none. */
    Optional<char[]> load(String account) throws CredentialVaultException;

    /** Forgets the password; nothing happens when none was stored. */
    void delete(String account) throws CredentialVaultException;
}
