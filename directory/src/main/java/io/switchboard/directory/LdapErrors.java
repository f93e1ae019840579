package io.switchboard.directory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.apache.directory.api.ldap.model.exception.LdapOperationException;
import org.apache.directory.api.ldap.model.exception.LdapTlsHandshakeException;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.ldap.client.api.exception.InvalidConnectionException;
import org.apache.directory.ldap.client.api.exception.LdapConnectionTimeOutException;

/**
 * Turns what the LDAP API throws, or a result code the directory answered, into our typed
 * exceptions, each with a message an administrator can act on (what failed, and where).
 *
 * <p>The API wraps the real cause at varying depths (the pool even wraps it in a
 * RuntimeException), so the whole cause chain is examined, most telling cause first: TLS, then
 * timeouts, then the network, then a result code.
 */
final class LdapErrors {

    private final String where;

    LdapErrors(String host, int port) {
        this.where = host + ":" + port;
    }

    String where() {
        return where;
    }

    /** {@code failure} while doing {@code what} (e.g. "searching for people"). */
    DirectoryException map(String what, Throwable failure) {
        if (failure instanceof DirectoryException known) {
            return known;
        }
        if (find(failure, LdapTlsHandshakeException.class).isPresent()
                || find(failure, SSLException.class).isPresent()
                || find(failure, CertificateException.class).isPresent()) {
            // our trust manager's words say what is wrong with the certificate; the JDK's below them do not
            String reason = find(failure, CertificateException.class).map(Throwable::getMessage)
                    .orElseGet(() -> rootMessage(failure));
            return new DirectoryTlsException("TLS with the directory at " + where + " failed while " + what
                    + ": " + reason, failure);
        }
        if (find(failure, LdapConnectionTimeOutException.class).isPresent()
                || find(failure, TimeoutException.class).isPresent() || isUntypedTimeout(failure)) {
            return timeout(what, failure);
        }
        Optional<ConnectionSetupException> setup = find(failure, ConnectionSetupException.class);
        if (setup.isPresent() && setup.get().resultCode() != null) {
            return forSetup(what, setup.get(), failure);
        }
        Optional<LdapOperationException> operation = find(failure, LdapOperationException.class);
        if (operation.isPresent() && operation.get().getResultCode() != null) {
            return forResultCode(what, operation.get().getResultCode(), operation.get().getMessage(), failure);
        }
        if (find(failure, ConnectException.class).isPresent()
                || find(failure, NoRouteToHostException.class).isPresent()
                || find(failure, UnknownHostException.class).isPresent()
                || find(failure, UnresolvedAddressException.class).isPresent()
                || find(failure, InvalidConnectionException.class).isPresent()
                || find(failure, ConnectionLostException.class).isPresent()
                || find(failure, IOException.class).isPresent()) {
            return unreachable(what, failure);
        }
        return new DirectoryRefusedException("The directory at " + where + " failed while " + what + ": "
                + rootMessage(failure), failure);
    }

    private DirectoryException forSetup(String what, ConnectionSetupException setup, Throwable failure) {
        ResultCodeEnum code = setup.resultCode();
        String result = code.getMessage() + ", result code " + code.getResultCode();
        if (setup.stage() == ConnectionSetupException.Stage.START_TLS) {
            return new DirectoryTlsException("The directory at " + where + " refused StartTLS (" + result
                    + ") while " + what + "; does it offer StartTLS, or LDAPS only?", failure);
        }
        if (code == ResultCodeEnum.UNAVAILABLE || code == ResultCodeEnum.BUSY) {
            return forResultCode(what, code, setup.getMessage(), failure);
        }
        // never invalid credentials: that would tell whoever is signing in that their password is wrong
        return new DirectoryRefusedException("The directory at " + where + " refused the service account ("
                + result + ") while " + what + "; check its bind DN and password", failure);
    }

    /** A result the directory answered with, other than success. */
    DirectoryException forResult(String what, LdapResult result) {
        return forResultCode(what, result.getResultCode(), result.getDiagnosticMessage(), null);
    }

    DirectoryException forResultCode(String what, ResultCodeEnum code, String diagnostic, Throwable cause) {
        // slapd sends no diagnostic message with a failed bind: the result code decides, never the text
        String detail = diagnostic == null || diagnostic.isBlank() ? "" : " (" + diagnostic.strip() + ")";
        return switch (code) {
            case INVALID_CREDENTIALS -> new DirectoryInvalidCredentialsException(
                    "The directory at " + where + " refused the name or password while " + what, cause);
            case TIME_LIMIT_EXCEEDED -> new DirectoryTimeoutException("The directory at " + where
                    + " ran out of time while " + what + detail, cause);
            case UNAVAILABLE, BUSY -> new DirectoryUnreachableException("The directory at " + where
                    + " is not available (" + code.getMessage() + ", result code " + code.getResultCode()
                    + ") while " + what + detail, cause);
            case CONFIDENTIALITY_REQUIRED, STRONG_AUTH_REQUIRED -> new DirectoryTlsException("The directory at "
                    + where + " requires a protected connection (" + code.getMessage() + ", result code "
                    + code.getResultCode() + ") while " + what + "; use StartTLS or LDAPS" + detail, cause);
            default -> new DirectoryRefusedException("The directory at " + where + " refused " + what + ": "
                    + code.getMessage() + " (result code " + code.getResultCode() + ")" + detail, cause);
        };
    }

    DirectoryTimeoutException timeout(String what, Throwable cause) {
        return new DirectoryTimeoutException("The directory at " + where + " did not answer in time while "
                + what, cause);
    }

    DirectoryUnreachableException unreachable(String what, Throwable cause) {
        return new DirectoryUnreachableException("Cannot reach the directory at " + where + " while " + what
                + ": " + rootMessage(cause), cause);
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    /**
     * The API reports a bind (or other operation) that got no answer in time as a plain
     * LdapException whose message starts with its message key ERR_04170 ("TimeOut occurred"): the
     * key, not the wording, is what is matched.
     */
    private static boolean isUntypedTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("ERR_04170")) {
                return true;
            }
        }
        return false;
    }
}
