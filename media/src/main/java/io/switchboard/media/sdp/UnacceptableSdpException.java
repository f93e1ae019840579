package io.switchboard.media.sdp;

/**
 * A valid session description we cannot take part in: no usable audio stream, no codec in
 * common, a transport or address form we do not support (RTP/SAVP without SRTP, host names in
 * {@code c=}, multicast), or an answer that rejected our audio stream.
 */
public final class UnacceptableSdpException extends SdpException {

    UnacceptableSdpException(String message) {
        super(message);
    }

    /** 488 Not Acceptable Here (RFC 3261 21.4.26). */
    @Override
    public int sipStatusCode() {
        return 488;
    }
}
