package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.tls.HandshakeTracker;
import io.switchboard.sip.tls.ServerCertificateCheck;
import java.net.InetSocketAddress;
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
 * an I/O failure of the send; the check remembers what it refused, the {@link HandshakeTracker}
 * which connection stood without completing its handshake.
 */
public final class TlsTransportFailures implements TransportFailures {

    private final ServerCertificateCheck check;
    private final HandshakeTracker handshakes;

    public TlsTransportFailures(ServerCertificateCheck check, HandshakeTracker handshakes) {
        this.check = Objects.requireNonNull(check, "check");
        this.handshakes = Objects.requireNonNull(handshakes, "handshakes");
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
        Optional<InetSocketAddress> unfinished = handshakes.unfinishedHandshake();
        if (unfinished.isPresent()) {
            // JAIN-SIP reports the failed handshake as a closed socket: the connection stood, TLS did not
            return new SipTlsHandshakeException("a secure (TLS) connection to the SIP server could not be set up: "
                    + unfinished.get().getHostString() + ":" + unfinished.get().getPort()
                    + " accepted the connection but completed no TLS handshake (is TLS served on that port?)", failure);
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
