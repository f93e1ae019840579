package io.switchboard.sip.ua;

import io.switchboard.sip.ua.transaction.OutgoingRequest;
import java.util.function.Consumer;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * Out-of-dialog requests of one kind that share a Call-ID and From tag with a growing CSeq (a
 * publication's PUBLISHes, the keepalive's OPTIONS), each sent through the proxy current when it is
 * built. Used on the protocol thread only.
 */
public final class RequestSequence {

    private final SipContext context;
    private final String method;
    private final CallIdHeader callId;
    private final String fromTag = SipContext.newTag();
    private long cseq;

    public RequestSequence(SipContext context, String method) {
        this.context = context;
        this.method = method;
        this.callId = context.newCallId();
    }

    /** The Call-ID all requests of this sequence share. */
    public String callId() {
        return callId.getCallId();
    }

    /**
     * The next request to {@code requestUri} / {@code to}; {@code customizer} adds the method's
     * headers and body to each attempt.
     */
    public OutgoingRequest next(URI requestUri, Address to, Consumer<Request> customizer) {
        return next(requestUri, to, customizer, context.route().current());
    }

    /**
     * The next request through {@code proxy} rather than the current one: to clean up at a proxy
     * the user agent has just left (failover or failback).
     */
    public OutgoingRequest next(URI requestUri, Address to, Consumer<Request> customizer, SipProxy proxy) {
        return new OutgoingRequest() {
            @Override
            public Request create() {
                Request request = context.newRequest(method, requestUri, to, null, callId, fromTag, ++cseq, proxy);
                customizer.accept(request);
                return request;
            }

            @Override
            public String hop() {
                return SipContext.hop(proxy);
            }
        };
    }
}
