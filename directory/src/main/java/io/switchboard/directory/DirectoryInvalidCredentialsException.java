package io.switchboard.directory;

/** The directory refused the name or password (LDAP invalidCredentials, 49). */
public class DirectoryInvalidCredentialsException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public DirectoryInvalidCredentialsException(String message) {
        super(message);
    }

    public DirectoryInvalidCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
