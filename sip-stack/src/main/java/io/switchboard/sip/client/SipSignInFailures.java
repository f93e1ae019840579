package io.switchboard.sip.client;

import io.switchboard.core.service.SignInException;
import io.switchboard.core.service.SignInException.Reason;
import io.switchboard.sip.ua.ProxyFailures;
import io.switchboard.sip.ua.SipCertificateUntrustedException;
import io.switchboard.sip.ua.SipTlsHandshakeException;
import io.switchboard.sip.ua.SipRejectedException;
import io.switchboard.sip.ua.SipTimeoutException;
import io.switchboard.sip.ua.SipTransportException;

/**
 * Why a SIP sign-in (the first REGISTER) failed, as the reason the UI explains: 401/407 after our
 * answer, 403 and 404 are the account; timeouts, refused connections and 5xx are the server being
 * unreachable; other refusals are policy; anything else a protocol error. Stateless.
 */
final class SipSignInFailures {

    private SipSignInFailures() {
    }

    static SignInException classify(Throwable failure, String server) {
        Throwable cause = ProxyFailures.unwrap(failure);
        if (cause instanceof SipRejectedException rejected) {
            int status = rejected.statusCode();
            if (status == 401 || status == 407 || status == 403 || status == 404) {
                return new SignInException(Reason.BAD_CREDENTIALS,
                        server + " refused the user name or password (" + status + " " + rejected.reasonPhrase() + ")",
                        rejected);
            }
            if (ProxyFailures.isProxyFailureStatus(status)) {
                return new SignInException(Reason.UNREACHABLE,
                        server + " is not available (" + status + " " + rejected.reasonPhrase() + ")", rejected);
            }
            return new SignInException(Reason.POLICY_VIOLATION,
                    server + " refused the sign-in (" + status + " " + rejected.reasonPhrase() + ")", rejected);
        }
        if (cause instanceof SipCertificateUntrustedException untrusted) {
            return new SignInException(Reason.CERTIFICATE_UNTRUSTED, "The certificate of " + server
                    + " is not trusted. Compare its fingerprint " + untrusted.fingerprint()
                    + " with the one your administrator gave you before accepting it.", untrusted.fingerprint(), untrusted);
        }
        if (cause instanceof SipTlsHandshakeException tls) {
            return new SignInException(Reason.TLS_FAILURE,
                    "A secure connection to " + server + " could not be set up: " + tls.getMessage(), tls);
        }
        if (cause instanceof SipTimeoutException || cause instanceof SipTransportException
                || cause instanceof java.util.concurrent.TimeoutException) {
            return new SignInException(Reason.UNREACHABLE, server + " did not answer", cause);
        }
        return new SignInException(Reason.PROTOCOL_ERROR, "signing in at " + server + " failed: " + cause.getMessage(),
                cause);
    }
}
