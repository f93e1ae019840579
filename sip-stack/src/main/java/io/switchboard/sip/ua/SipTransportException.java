package io.switchboard.sip.ua;

import io.switchboard.core.service.NotConnectedException;

/** Our side: a request could not be sent (connection refused, stack closed, no transaction). */
public class SipTransportException extends NotConnectedException {

    private static final long serialVersionUID = 1L;

    public SipTransportException(String message) {
        super(message);
    }

    public SipTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
