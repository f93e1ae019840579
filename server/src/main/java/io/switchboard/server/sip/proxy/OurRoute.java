package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.sip.stack.SipTransport;

import java.text.ParseException;
import java.util.Locale;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * The server as a hop in a route set: recognises its own URI in Route headers, and
 * Record-Routes with a loose-routing URI (RFC 3261 16.6 step 4) — two of them when the two sides
 * of the call use different transports (RFC 5658), so each side reaches us on its own transport.
 */
public final class OurRoute {

    private final SipMessaging messaging;

    public OurRoute(SipMessaging messaging) {
        this.messaging = messaging;
    }

    /** Adds our Record-Route(s) to a request we forward from {@code inbound} to {@code outbound}. */
    void recordRoute(Request forwarded, SipTransport inbound, SipTransport outbound)
            throws ParseException, javax.sip.SipException {
        // the callee reads the route set top down, the caller bottom up: the entry facing the
        // callee goes on top
        if (inbound != outbound) {
            forwarded.addFirst(recordRouteHeader(inbound));
        }
        forwarded.addFirst(recordRouteHeader(outbound));
    }

    private RecordRouteHeader recordRouteHeader(SipTransport transport) throws ParseException {
        SipURI uri = messaging.addresses().createSipURI(null, messaging.host());
        uri.setPort(messaging.port(transport));
        uri.setTransportParam(transport.token().toLowerCase(Locale.ROOT));
        uri.setLrParam();
        return messaging.headers().createRecordRouteHeader(messaging.addresses().createAddress(uri));
    }

    /** Whether the request's top Route names us: it was routed here by a route set we are in. */
    boolean routedThroughUs(Request request) {
        return request.getHeader(RouteHeader.NAME) instanceof RouteHeader route && isUs(route.getAddress().getURI());
    }

    /** Removes every Route at the top that names us (one, or two after double Record-Route). */
    void popOurRoutes(Request request) {
        while (routedThroughUs(request)) {
            request.removeFirst(RouteHeader.NAME);
        }
    }

    boolean isUs(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        int port = sip.getPort() > 0 ? sip.getPort()
                : "tls".equalsIgnoreCase(sip.getTransportParam()) ? SipTransport.TLS.defaultPort() : 5060;
        boolean ourHost = sip.getHost().equalsIgnoreCase(messaging.host())
                || sip.getHost().equalsIgnoreCase(messaging.domain());
        return ourHost && messaging.isOurPort(port) && sip.getUser() == null;
    }

    /** The user part of From ({@code from}) or To when it is one of our domain's users, else null. */
    String localUser(Request request, boolean from) {
        HeaderAddress header = from ? (FromHeader) request.getHeader(FromHeader.NAME)
                : (ToHeader) request.getHeader(ToHeader.NAME);
        if (header == null || !(header.getAddress().getURI() instanceof SipURI uri) || uri.getUser() == null) {
            return null;
        }
        return uri.getHost().equalsIgnoreCase(messaging.domain()) ? uri.getUser().toLowerCase(Locale.ROOT) : null;
    }

    static String callId(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }
}
