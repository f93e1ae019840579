package io.switchboard.sip.ua;

import io.switchboard.core.service.NoResponseException;

/** Our side: a request went out and no final response came back in time (RFC 3261 timer F or ours). */
public class SipTimeoutException extends NoResponseException {

    private static final long serialVersionUID = 1L;

    public SipTimeoutException(String message) {
        super(message, null);
    }
}
