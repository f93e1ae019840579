package io.switchboard.xmpp;

import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.SignInException.Reason;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;

/**
 * Turns whatever Smack threw while connecting, securing, authenticating or binding into the
 * one {@link Reason} the UI explains, with a message a person understands.
 */
final class SignInFailures {

    private SignInFailures() {
    }

    /**
     * @param refusedFingerprint the certificate our trust check refused during this attempt:
     *                           when present, the attempt failed because of it
     * @param server             where we connected, for the messages
     */
    static SignInException classify(Exception e, Optional<String> refusedFingerprint, String server) {
        if (refusedFingerprint.isPresent()) {
            return new SignInException(Reason.CERTIFICATE_UNTRUSTED,
                    "The certificate of " + server + " is not trusted. Compare its fingerprint "
                            + refusedFingerprint.get() + " with the one your administrator gave you before accepting it.",
                    refusedFingerprint.get(), e);
        }
        if (e instanceof SASLErrorException sasl) {
            return sasl(sasl, server);
        }
        if (e instanceof XMPPException.StreamErrorException stream) {
            return streamError(stream, server);
        }
        if (e instanceof XMPPException.XMPPErrorException stanza) {
            return stanzaError(stanza, server);
        }
        if (e instanceof SmackException.SecurityRequiredByClientException) {
            return new SignInException(Reason.TLS_FAILURE,
                    server + " does not offer an encrypted connection (STARTTLS), and Switchboard never signs in without one.", e);
        }
        if (e instanceof SmackException.EndpointConnectionException
                || e instanceof SmackException.NoEndpointsDiscoveredException
                || e instanceof SmackException.ConnectionException) {
            return unreachable(server, e);
        }
        if (causedBy(e, SSLException.class) || causedBy(e, CertificateException.class)
                || e instanceof SmackException.SmackCertificateException) {
            return new SignInException(Reason.TLS_FAILURE,
                    "A secure connection to " + server + " could not be set up: " + rootMessage(e), e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, SocketTimeoutException.class) || causedBy(e, NoRouteToHostException.class)) {
            return unreachable(server, e);
        }
        if (causedBy(e, java.net.SocketException.class) || causedBy(e, java.io.EOFException.class)) {
            return new SignInException(Reason.UNREACHABLE, "The connection to " + server + " was lost ("
                    + rootMessage(e) + ").", e);
        }
        if (e instanceof SmackException.NoResponseException) {
            return new SignInException(Reason.UNREACHABLE,
                    server + " accepted the connection but did not answer in time. Try again later.", e);
        }
        return new SignInException(Reason.PROTOCOL_ERROR,
                "Signing in to " + server + " failed: the server's answer was not understood (" + rootMessage(e) + ").", e);
    }

    private static SignInException sasl(SASLErrorException e, String server) {
        SASLError error = e.getSASLFailure() == null ? null : e.getSASLFailure().getSASLError();
        if (error == null) {
            return new SignInException(Reason.PROTOCOL_ERROR, "Authentication with " + server + " failed.", e);
        }
        return switch (error) {
            case not_authorized, credentials_expired -> new SignInException(Reason.BAD_CREDENTIALS,
                    "The user name or password is wrong.", e);
            case account_disabled -> new SignInException(Reason.POLICY_VIOLATION,
                    "Your account on " + server + " is disabled. Contact your administrator.", e);
            case temporary_auth_failure -> new SignInException(Reason.POLICY_VIOLATION,
                    server + " cannot authenticate you right now (too many attempts or a temporary problem). Try again later.", e);
            case encryption_required, mechanism_too_weak, invalid_mechanism -> new SignInException(Reason.TLS_FAILURE,
                    server + " and Switchboard share no acceptable way to send the password (" + error + ").", e);
            default -> new SignInException(Reason.PROTOCOL_ERROR,
                    "Authentication with " + server + " failed (" + error + ").", e);
        };
    }

    private static SignInException streamError(XMPPException.StreamErrorException e, String server) {
        StreamError error = e.getStreamError();
        StreamError.Condition condition = error == null ? null : error.getCondition();
        if (condition == null) {
            return new SignInException(Reason.PROTOCOL_ERROR, server + " closed the connection with an error.", e);
        }
        return switch (condition) {
            case policy_violation -> new SignInException(Reason.POLICY_VIOLATION,
                    server + " closed the connection because of its policy (too many attempts or connections?).", e);
            case conflict -> new SignInException(Reason.POLICY_VIOLATION,
                    "Another sign-in of this account with the same device name replaced this one.", e);
            case not_authorized -> new SignInException(Reason.BAD_CREDENTIALS,
                    "The user name or password is wrong.", e);
            case host_unknown, host_gone -> new SignInException(Reason.UNREACHABLE,
                    server + " does not serve this domain.", e);
            case system_shutdown -> new SignInException(Reason.UNREACHABLE,
                    server + " is shutting down.", e);
            default -> new SignInException(Reason.PROTOCOL_ERROR,
                    server + " closed the connection with the error '" + condition + "'.", e);
        };
    }

    private static SignInException stanzaError(XMPPException.XMPPErrorException e, String server) {
        StanzaError error = e.getStanzaError();
        StanzaError.Condition condition = error == null ? null : error.getCondition();
        if (condition == StanzaError.Condition.conflict || condition == StanzaError.Condition.not_allowed
                || condition == StanzaError.Condition.policy_violation
                || condition == StanzaError.Condition.resource_constraint) {
            return new SignInException(Reason.POLICY_VIOLATION,
                    server + " refused this device (" + condition + "). Try another device name or try again later.", e);
        }
        return new SignInException(Reason.PROTOCOL_ERROR,
                "Signing in to " + server + " failed (" + condition + ").", e);
    }

    private static SignInException unreachable(String server, Exception e) {
        return new SignInException(Reason.UNREACHABLE,
                server + " cannot be reached. Check the server name and your network (" + rootMessage(e) + ").", e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
