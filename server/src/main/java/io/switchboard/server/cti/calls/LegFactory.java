package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SipCall;

/** Places the legs of anchored calls: the gateway's own SIP calls, through the server's proxy. */
interface LegFactory {

    /** Calls the desk phone of {@code line} asking it to answer by itself, shown as a call with {@code other}. */
    SipCall callPhone(String line, Address other, String sdpOffer, CallListener listener);

    /** Calls {@code callee} as {@code caller} (a desk line's owner). */
    SipCall callFar(Address caller, Address callee, String sdpOffer, CallListener listener);
}
