package io.switchboard.directory;

import org.apache.directory.api.ldap.model.exception.LdapException;

/**
 * A pooled connection turned out closed: the directory (or something between) dropped it, most
 * often while it sat idle in the pool. The only failure worth one retry on a new connection: the
 * request never got an answer, so nothing depends on it. Reported, when it is not retried, as the
 * directory being unreachable.
 */
final class ConnectionLostException extends LdapException {

    private static final long serialVersionUID = 1L;

    ConnectionLostException(String message) {
        super(message);
    }

    ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
