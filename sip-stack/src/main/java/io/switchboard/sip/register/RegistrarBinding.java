package io.switchboard.sip.register;

import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.transaction.OutgoingRequest;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * The REGISTER sequence towards one registrar: one Call-ID and From tag for all of them and a
 * CSeq that only grows (RFC 3261 §10.2: the registrar orders requests by it). Used on the protocol
 * thread only.
 */
final class RegistrarBinding {

    private final SipContext context;
    private final SipProxy proxy;
    private final CallIdHeader callId;
    private final String fromTag = SipContext.newTag();
    private long cseq;

    RegistrarBinding(SipContext context, SipProxy proxy) {
        this.context = context;
        this.proxy = proxy;
        this.callId = context.newCallId();
    }

    SipProxy proxy() {
        return proxy;
    }

    /** One logical REGISTER asking for {@code expires} seconds (0 removes the binding). */
    OutgoingRequest register(int expires) {
        return new OutgoingRequest() {
            @Override
            public Request create() {
                Request request = context.newRequest(Request.REGISTER, context.domainUri(), context.self(), null,
                        callId, fromTag, ++cseq, proxy);
                RegisterMessages.setExpires(context, request, expires);
                return request;
            }

            @Override
            public String hop() {
                return SipContext.hop(proxy);
            }
        };
    }
}
