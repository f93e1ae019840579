package io.switchboard.sip.stack;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.message.Request;

/**
 * JAIN-SIP's default next-hop choice (Route, else Request-URI), except that a TLS hop whose
 * address a client announced as its Contact goes to the connection that client opened
 * ({@link ConnectionFlows}). JAIN-SIP keeps that accepted connection keyed by its far end, so
 * sending to the far end reuses it instead of connecting to a port nobody accepts TLS on.
 *
 * <p>Installed through {@code javax.sip.ROUTER_PATH}; JAIN-SIP calls the two-argument
 * constructor while building the stack, and the flows are found by the stack's unique name.
 */
public final class FlowRouter extends DefaultRouter {

    private static final Map<String, ConnectionFlows> OFFERED = new ConcurrentHashMap<>();

    private final ConnectionFlows flows;

    public FlowRouter(SipStack stack, String outboundProxy) {
        super(stack, outboundProxy);
        ConnectionFlows offered = OFFERED.remove(stack.getStackName());
        this.flows = offered != null ? offered : new ConnectionFlows();
    }

    static void offer(String stackName, ConnectionFlows flows) {
        OFFERED.put(stackName, flows);
    }

    static void withdraw(String stackName) {
        OFFERED.remove(stackName);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop hop = super.getNextHop(request);
        if (hop == null || !SipTransport.TLS.token().equalsIgnoreCase(hop.getTransport())) {
            return hop;
        }
        Optional<ConnectionFlows.Flow> flow = flows.flowTo(hop.getHost(), hop.getPort());
        return flow.<Hop>map(f -> new HopImpl(f.host(), f.port(), SipTransport.TLS.token())).orElse(hop);
    }
}
