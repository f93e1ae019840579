package io.switchboard.sip.ua.transaction;

import io.switchboard.sip.ua.SipTransportException;
import javax.sip.message.Request;

/**
 * Explains a failure to send or to keep a connection in the terms the caller can act on: TLS
 * failures become {@code SipCertificateUntrustedException} or {@code SipTlsHandshakeException}
 * ({@code TlsTransportFailures}); without TLS a transport failure is what it is.
 */
@FunctionalInterface
public interface TransportFailures {

    TransportFailures AS_IS = (request, failure) -> failure;

    /** The failure to report for {@code request}: {@code failure} itself or a more precise one. */
    SipTransportException explain(Request request, SipTransportException failure);
}
