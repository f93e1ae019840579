package io.switchboard.app.settings;

/** The password store refused or failed; the message says which store and why. */
public class CredentialVaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public CredentialVaultException(String message) {
        super(message);
    }

    public CredentialVaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
