package io.switchboard.media.sdp;

/** The peer sent something that is not a valid session description, or one over our limits. */
public final class MalformedSdpException extends SdpException {

    MalformedSdpException(String message) {
        super(message);
    }

    MalformedSdpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 400 Bad Request (RFC 3261 21.4.1). */
    @Override
    public int sipStatusCode() {
        return 400;
    }
}
