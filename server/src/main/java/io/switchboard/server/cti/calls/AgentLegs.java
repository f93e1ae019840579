package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.CallManager;
import io.switchboard.sip.call.CallOptions;
import io.switchboard.sip.call.SipCall;

import java.util.Objects;

/**
 * Legs placed by the gateway's user agent. The desk phone is asked to answer by itself the two
 * ways phones understand: {@code Call-Info: ;answer-after=0} (the draft-ietf-sip-answermode
 * convention most SIP phones and baresip follow) and the RFC 7462 alert URN
 * {@code urn:alert:service:auto-answer}.
 */
final class AgentLegs implements LegFactory {

    static final String AUTO_ANSWER_ALERT = "<urn:alert:service:auto-answer>";

    private final CallManager calls;
    private final String domain;

    AgentLegs(CallManager calls, String domain) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    @Override
    public SipCall callPhone(String line, Address other, String sdpOffer, CallListener listener, boolean autoAnswer) {
        CallOptions options = CallOptions.DEFAULT.sentAs(other, null);
        if (autoAnswer) {
            options = options.withHeader("Call-Info", "<sip:" + domain + ">;answer-after=0")
                    .withHeader("Alert-Info", AUTO_ANSWER_ALERT);
        }
        return calls.place(Address.of(line, domain), sdpOffer, listener, options);
    }

    @Override
    public SipCall callFar(Address caller, Address callee, String sdpOffer, CallListener listener) {
        return calls.place(callee, sdpOffer, listener, CallOptions.DEFAULT.sentAs(caller, null));
    }
}
