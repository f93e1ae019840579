package io.switchboard.directory;

import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapOperationException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;

/**
 * The directory refused to set a connection up: it answered our StartTLS request, or the service
 * account's bind, with an error. Marks the failure on its way through the LDAP API and its pool
 * (which wrap what they catch) so that {@link LdapErrors} can tell an administrator which: a
 * refused StartTLS is a TLS problem, and a refused service account is a configuration problem,
 * not the wrong password of whoever is signing in.
 */
final class ConnectionSetupException extends LdapException {

    private static final long serialVersionUID = 1L;

    enum Stage { START_TLS, SERVICE_ACCOUNT_BIND }

    private final Stage stage;
    private final ResultCodeEnum resultCode;

    ConnectionSetupException(Stage stage, LdapOperationException refusal) {
        super(refusal.getMessage(), refusal);
        this.stage = stage;
        this.resultCode = refusal.getResultCode();
    }

    Stage stage() {
        return stage;
    }

    ResultCodeEnum resultCode() {
        return resultCode;
    }
}
