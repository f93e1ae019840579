package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.tls.ServerCertificateCheck;
import io.switchboard.sip.ua.SipCertificateUntrustedException;
import io.switchboard.sip.ua.SipTlsHandshakeException;
import io.switchboard.sip.ua.SipTransportException;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * TLS failures of a user agent, told apart: a certificate our {@link ServerCertificateCheck}
 * refused (with its fingerprint), or a handshake that failed otherwise. JAIN-SIP reports both as
 * an I/O failure of the send; the check remembers what it refused.
 */
public final class TlsTransportFailures implements TransportFailures {

    private final ServerCertificateCheck check;

    public TlsTransportFailures(ServerCertificateCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public SipTransportException explain(Request request, SipTransportException failure) {
        if (!overTls(request) || failure instanceof SipCertificateUntrustedException
                || failure instanceof SipTlsHandshakeException) {
            return failure;
        }
        Optional<String> refused = check.refusedFingerprint();
        if (refused.isPresent()) {
            return new SipCertificateUntrustedException("the SIP server's certificate is not trusted: compare its "
                    + "SHA-256 fingerprint " + refused.get() + " with the one your administrator gave you before "
                    + "accepting it (" + request.getMethod() + ")", refused.get(), failure);
        }
        SSLException ssl = sslCause(failure);
        if (ssl != null) {
            return new SipTlsHandshakeException("a secure (TLS) connection to the SIP server could not be set up: "
                    + ssl.getMessage(), failure);
        }
        return failure;
    }

    private static boolean overTls(Request request) {
        return request.getHeader(ViaHeader.NAME) instanceof ViaHeader via
                && SipTransport.TLS.token().equalsIgnoreCase(via.getTransport());
    }

    private static SSLException sslCause(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
