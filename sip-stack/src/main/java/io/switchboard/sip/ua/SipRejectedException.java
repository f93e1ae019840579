package io.switchboard.sip.ua;

import io.switchboard.core.service.PeerRefusedException;

/**
 * The peer said no: a SIP request got a final non-2xx response. Carries the status code (also the
 * {@link #condition()}, as text), the reason phrase and, where the peer sent one, Retry-After.
 */
public class SipRejectedException extends PeerRefusedException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String reasonPhrase;
    private final int retryAfterSeconds;

    public SipRejectedException(String method, int statusCode, String reasonPhrase, int retryAfterSeconds) {
        super(Integer.toString(statusCode), method + " refused: " + statusCode + " " + reasonPhrase);
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase == null ? "" : reasonPhrase;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The Retry-After the peer sent in seconds, or -1 without one. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 5xx and 6xx other than 401/407/403-style refusals: the server (not our request) is at fault. */
    public boolean isServerFailure() {
        return statusCode >= 500 && statusCode < 600;
    }
}
