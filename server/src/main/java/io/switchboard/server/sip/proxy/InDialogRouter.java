package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.calls.CallTracker;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.sip.transport.SipMessaging;

import java.util.Objects;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests inside a call we Record-Routed (BYE, re-INVITE, ACK of the 2xx, INFO, REFER...): their
 * top Route names us, so we take our entries off and forward them along the rest of the route set
 * or to the Request-URI, the other side's Contact (loose routing, RFC 3261 16.4, 16.12). ACK goes
 * on statelessly, everything else statefully with the responses relayed back. A BYE ends the call
 * in the {@link CallTracker}. Requests not routed through us go to {@code next} (the proxy for
 * local users).
 */
public final class InDialogRouter implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InDialogRouter.class);

    private final SipMessaging messaging;
    private final OurRoute ourRoute;
    private final CallTracker calls;
    private final RequestProcessor next;

    public InDialogRouter(SipMessaging messaging, OurRoute ourRoute, CallTracker calls, RequestProcessor next) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.ourRoute = Objects.requireNonNull(ourRoute, "ourRoute");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void process(IncomingRequest in) {
        Request request = in.request();
        // an initial request (no To tag) names us in its Route as its outbound proxy: the proxy
        // takes it; a request in a dialog that names us was Record-Routed here: we pass it on
        if (!ourRoute.routedThroughUs(request) || !inDialog(request)) {
            if (!Request.ACK.equals(in.method())) {
                next.process(in);
            }
            return;
        }
        Request copy = (Request) request.clone();
        ourRoute.popOurRoutes(copy);
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
        try {
            if (maxForwards != null) {
                if (maxForwards.getMaxForwards() <= 0) {
                    if (!Request.ACK.equals(in.method())) {
                        in.respond(Response.TOO_MANY_HOPS);
                    }
                    return;
                }
                maxForwards.setMaxForwards(maxForwards.getMaxForwards() - 1);
            }
            copy.addFirst(messaging.newVia(messaging.transportFor(nextHop(copy))));
        } catch (InvalidArgumentException | SipException e) {
            LOG.debug("cannot forward {} in a dialog: {}", in.method(), e.toString());
            if (!Request.ACK.equals(in.method())) {
                in.respond(Response.SERVER_INTERNAL_ERROR);
            }
            return;
        }
        if (Request.BYE.equals(in.method())) {
            calls.ended(OurRoute.callId(request));
        }
        if (Request.ACK.equals(in.method())) {
            forwardStateless(copy);
            return;
        }
        ForkedRequest relay = new ForkedRequest(in, () -> { });
        relay.expect(1);
        try {
            relay.started(messaging.send(copy, relay));
        } catch (SipException | RuntimeException e) {
            LOG.debug("cannot forward {} to {}: {}", in.method(), copy.getRequestURI(), e.toString());
            relay.failedToSend(Response.TEMPORARILY_UNAVAILABLE);
        }
    }

    private static boolean inDialog(Request request) {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    /** Where the request goes next: the next Route if a route set remains, else the Request-URI. */
    private static javax.sip.address.URI nextHop(Request request) {
        if (request.getHeader(javax.sip.header.RouteHeader.NAME) instanceof javax.sip.header.RouteHeader route) {
            return route.getAddress().getURI();
        }
        return request.getRequestURI();
    }

    private void forwardStateless(Request ack) {
        try {
            messaging.sendStatelessRequest(ack);
        } catch (SipException | RuntimeException e) {
            LOG.debug("cannot forward an ACK to {}: {}", ack.getRequestURI(), e.toString());
        }
    }
}
