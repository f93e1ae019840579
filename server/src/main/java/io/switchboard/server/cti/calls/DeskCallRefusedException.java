package io.switchboard.server.cti.calls;

/** A call control request that cannot be carried out as asked; {@link #reason()} says which way. */
public final class DeskCallRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, close to CSTA's error values so the session can answer with the right one. */
    public enum Reason {
        /** No call with that id on that line. */
        NO_SUCH_CALL,
        /** The call is not in a state where this can be done (e.g. hold while it rings). */
        INVALID_STATE,
        /** The line's phone is not registered. */
        DEVICE_OUT_OF_SERVICE,
        /** Too many calls at the gateway. */
        RESOURCE_BUSY,
        /** The line's phone cannot do this when asked: it speaks no uaCSTA and ignores what SIP can ask. */
        PHONE_CANNOT
    }

    private final Reason reason;

    public DeskCallRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
