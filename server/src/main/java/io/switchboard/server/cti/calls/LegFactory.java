package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SipCall;

/** Places the legs of anchored calls: the gateway's own SIP calls, through the server's proxy. */
interface LegFactory {

    /**
     * Calls the desk phone of {@code line}, shown as a call from {@code other}; {@code autoAnswer}
     * asks the phone to answer by itself (else it rings for its user).
     */
    SipCall callPhone(String line, Address other, String sdpOffer, CallListener listener, boolean autoAnswer);

    /** Calls {@code callee} as {@code caller} (a desk line's owner). */
    SipCall callFar(Address caller, Address callee, String sdpOffer, CallListener listener);
}
