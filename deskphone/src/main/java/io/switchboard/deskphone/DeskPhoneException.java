package io.switchboard.deskphone;

/** A desk-phone operation failed for a reason outside the caller's control (no RTP port, audio did not start). */
public class DeskPhoneException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeskPhoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
