package io.switchboard.media.sdp;

/**
 * A session description we cannot use. The two subtypes tell the SIP layer what to answer an
 * offer with: {@link MalformedSdpException} when the peer sent something that is not SDP or
 * breaks our input limits (400 Bad Request), {@link UnacceptableSdpException} when it is valid
 * SDP that we cannot take part in (488 Not Acceptable Here, RFC 3261 21.4.26).
 *
 * <p>Messages name the offending line or stream so a log reader can see what the peer did.
 */
public abstract sealed class SdpException extends Exception
        permits MalformedSdpException, UnacceptableSdpException {

    SdpException(String message) {
        super(message);
    }

    SdpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The SIP status code a UAS answers an offer with when this is thrown. */
    public abstract int sipStatusCode();
}
