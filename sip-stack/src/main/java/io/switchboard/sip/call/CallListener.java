package io.switchboard.sip.call;

/** A call's progress, on the user agent's event executor, in the order it happened. */
public interface CallListener {

    /** The callee's device rings (180 Ringing). */
    default void ringing(SipCall call) {
    }

    /** The callee sent an SDP answer before answering (183 Session Progress): play what comes. */
    default void earlyMedia(SipCall call, String sdpAnswer) {
    }

    /**
     * The call is connected: for an outgoing call with the callee's SDP answer, for an incoming one
     * with the answer we sent.
     */
    default void connected(SipCall call, String sdpAnswer) {
    }

    /** The other side renegotiated (re-INVITE): hold, resume or another address. */
    default void renegotiated(SipCall call, String offer, String answer) {
    }

    /**
     * The other side asks us to call someone else (REFER): place that call, report its progress
     * with {@link TransferRequest#progress}; the transferor then hangs this call up.
     */
    default void transferRequested(SipCall call, TransferRequest request) {
    }

    /** The call is over. Called once. */
    default void ended(SipCall call, CallEnd end) {
    }
}
