package io.switchboard.sip.ua;

/**
 * A TLS connection could not be set up for another reason than an untrusted certificate: the
 * peer speaks no TLS on that port, only protocols older than TLS 1.2, no common cipher suite.
 */
public class SipTlsHandshakeException extends SipTransportException {

    private static final long serialVersionUID = 1L;

    public SipTlsHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
