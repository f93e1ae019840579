package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.calls.CallTracker;
import io.switchboard.server.sip.registrar.Binding;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.SipMessaging;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to every given binding at once as a stateful proxy (RFC 3261 §16.6): each
 * copy gets the binding's URI as Request-URI, our Via on top, one hop less in Max-Forwards, our
 * own Route and Proxy-Authorization removed. An INVITE is Record-Routed ({@link OurRoute}) so the
 * call's BYE passes here and the {@link CallTracker} knows who is on the phone; other requests'
 * dialogs continue end to end. Keeps the running INVITE forks by their top Via branch, so a
 * CANCEL finds its INVITE.
 */
public final class Forker {

    private static final Logger LOG = LoggerFactory.getLogger(Forker.class);

    private final SipMessaging messaging;
    private final OurRoute ourRoute;
    private final CallTracker calls;
    private final Map<String, ForkedRequest> invites = new ConcurrentHashMap<>();

    public Forker(SipMessaging messaging, OurRoute ourRoute, CallTracker calls) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.ourRoute = Objects.requireNonNull(ourRoute, "ourRoute");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * Whether an INVITE starts a call: it offers a session (SDP), or offers none yet (delayed
     * offer) or several parts. An INVITE dialog with another body — a uaCSTA session the CTI
     * gateway opens with a desk phone that speaks it — is no call: nobody is on the phone for it.
     */
    private static boolean offersACall(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type == null || request.getContentLength() == null || request.getContentLength().getContentLength() == 0
                || "multipart".equalsIgnoreCase(type.getContentType())
                || ("application".equalsIgnoreCase(type.getContentType())
                        && "sdp".equalsIgnoreCase(type.getContentSubType()));
    }

    /** Forks {@code in} to {@code targets} (at least one); the fork answers the request. */
    public void fork(IncomingRequest in, List<Binding> targets) {
        if (messaging.pending().saturated()) {
            messaging.pending().refuse(in);
            return;
        }
        if (!hopsLeft(in.request())) {
            in.respond(Response.TOO_MANY_HOPS);
            return;
        }
        String key = branchOf(in.request());
        boolean invite = Request.INVITE.equals(in.method());
        String callId = OurRoute.callId(in.request());
        String caller = ourRoute.localUser(in.request(), true);
        String callee = ourRoute.localUser(in.request(), false);
        // a re-INVITE that reached the proxy (its dialog not Record-Routed here) is no new call
        boolean newCall = invite && ((ToHeader) in.request().getHeader(ToHeader.NAME)).getTag() == null
                && offersACall(in.request());
        ForkedRequest fork = new ForkedRequest(in, () -> {
            if (invite) {
                invites.remove(key);
            }
        }, response -> {
            if (newCall) {
                callProgress(callId, caller, callee, response);
            }
        });
        if (newCall) {
            calls.offered(callId, caller, callee, ((FromHeader) in.request().getHeader(FromHeader.NAME)).getTag());
        }
        if (invite) {
            in.send(in.createResponse(Response.TRYING));
            invites.put(key, fork);
        }
        fork.expect(targets.size());
        for (Binding target : targets) {
            try {
                Request branch = branchRequest(in.request(), target);
                if (invite) {
                    ourRoute.recordRoute(branch, messaging.transportOf(in.source()),
                            messaging.transportFor(branch.getRequestURI()));
                }
                fork.started(messaging.send(branch, fork));
            } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
                LOG.debug("cannot forward {} to {}: {}", in.method(), target.contactUri(), e.toString());
                fork.failedToSend(Response.TEMPORARILY_UNAVAILABLE);
            }
        }
    }

    /** Each response relayed to the caller moves the call on: ringing, answered, or not answered. */
    private void callProgress(String callId, String caller, String callee, Response response) {
        int status = response.getStatusCode();
        String calleeTag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        if (status < 200) {
            calls.progressed(callId, calleeTag);
        } else if (status < 300) {
            calls.answered(callId, caller, callee, calleeTag);
        } else {
            calls.failed(callId, status);
        }
    }

    /** The running fork of the INVITE a CANCEL refers to (same top Via branch, RFC 3261 §9.2). */
    Optional<ForkedRequest> inviteFor(Request cancel) {
        return Optional.ofNullable(invites.get(branchOf(cancel)));
    }

    private Request branchRequest(Request original, Binding target)
            throws ParseException, InvalidArgumentException, SipException {
        Request copy = (Request) original.clone();
        URI uri = messaging.addresses().createURI(target.contactUri());
        copy.setRequestURI(uri);
        ourRoute.popOurRoutes(copy);
        copy.removeHeader(ProxyAuthorizationHeader.NAME);
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards == null) {
            copy.setHeader(messaging.headers().createMaxForwardsHeader(69));
        } else {
            maxForwards.setMaxForwards(maxForwards.getMaxForwards() - 1);
        }
        copy.addFirst(messaging.newVia(messaging.transportFor(uri)));
        return copy;
    }

    private static boolean hopsLeft(Request request) {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        return maxForwards == null || maxForwards.getMaxForwards() > 0;
    }

    private static String branchOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getBranch() == null ? "" : via.getBranch();
    }
}
