package io.switchboard.server.cti;

import io.switchboard.server.cti.calls.DeskCallEvent;
import io.switchboard.server.cti.calls.DeskCallListener;
import io.switchboard.server.sip.SipUsers;
import io.switchboard.server.sip.proxy.ProxyProcessor;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.sip.csta.CstaError;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaMessage;
import io.switchboard.sip.csta.CstaParseException;
import io.switchboard.sip.csta.CstaParser;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.CstaWriter;
import io.switchboard.sip.csta.RequestSystemStatusResponse;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uaCSTA sessions (ECMA TR/87) clients hold with the gateway at {@code sip:cti@domain}: an
 * authenticated INVITE with an {@code application/csta+xml} body opens one, INFOs carry requests
 * (each answered in the INFO's 200 with the CSTA response or CSTAErrorCode), the gateway sends
 * events in INFOs of its own, BYE ends it. Requests in these dialogs are taken here; everything
 * else goes on to the proxy. Bad CSTA is answered with a CSTA error, never dropped.
 */
public final class CtiSessions implements DeskCallListener {

    /** The gateway's user part: clients INVITE {@code sip:cti@<domain>}. */
    public static final String GATEWAY_USER = "cti";

    private static final Logger LOG = LoggerFactory.getLogger(CtiSessions.class);

    private final SipMessaging messaging;
    private final SipUsers sipUsers;
    private final ProxyProcessor proxy;
    private final CstaService service;
    private final CstaEvents events;
    private final CtiLimits limits;
    private final CstaParser parser = new CstaParser();
    private final CstaWriter writer = new CstaWriter();
    /** Call-ID → session. */
    private final Map<String, CtiSession> sessions = new ConcurrentHashMap<>();

    CtiSessions(SipMessaging messaging, SipUsers sipUsers, ProxyProcessor proxy, CstaService service,
                CstaEvents events, CtiLimits limits) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.sipUsers = Objects.requireNonNull(sipUsers, "sipUsers");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.service = Objects.requireNonNull(service, "service");
        this.events = Objects.requireNonNull(events, "events");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** INVITEs to the gateway open sessions; other INVITEs go to {@code next}. */
    public RequestProcessor invites(RequestProcessor next) {
        return in -> {
            if (isForGateway(in.request()) && !hasToTag(in.request())) {
                open(in);
            } else {
                sessionOf(in.request()).ifPresentOrElse(session -> in.respond(Response.NOT_ACCEPTABLE_HERE),
                        () -> next.process(in));
            }
        };
    }

    /** INFO, BYE and ACK in a session are taken here; the rest go to {@code next}. */
    public RequestProcessor inDialog(RequestProcessor next) {
        return in -> {
            Optional<CtiSession> session = sessionOf(in.request());
            if (session.isEmpty()) {
                next.process(in);
                return;
            }
            switch (in.method()) {
                case Request.INFO -> request(session.get(), in);
                case Request.BYE -> {
                    close(session.get());
                    in.respond(Response.OK);
                }
                case Request.ACK -> { } // of our 200: nothing to do
                default -> in.respond(Response.METHOD_NOT_ALLOWED);
            }
        };
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** The number of monitors in all sessions. */
    public int monitorCount() {
        return sessions.values().stream().mapToInt(CtiSession::monitorCount).sum();
    }

    /** Whether any session monitors {@code line}: then its calls are anchored at the gateway. */
    public boolean isMonitored(String line) {
        return sessions.values().stream().anyMatch(session -> session.monitors(line));
    }

    @Override
    public void deskCallEvent(DeskCallEvent event) {
        for (CtiSession session : sessions.values()) {
            session.monitors().forEach((crossRef, line) -> {
                if (line.equals(event.line())) {
                    session.send(events.of(event, crossRef));
                }
            });
        }
    }

    /** Ends every session (server stopping). */
    public void closeAll() {
        sessions.values().forEach(CtiSession::hangUp);
        sessions.clear();
    }

    private void open(IncomingRequest in) {
        if (!proxy.senderVerified(in)) {
            return; // answered 407 or 403
        }
        String user = ((SipURI) ((FromHeader) in.request().getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        if (!CtiDialog.isCsta(in.request())) {
            in.respond(Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (sessions.size() >= limits.sessions()
                || sessions.values().stream().filter(s -> s.user().equals(user)).count() >= limits.sessionsPerUser()) {
            LOG.info("CTI session of {} refused: too many sessions", user);
            in.respond(Response.BUSY_HERE);
            return;
        }
        String tag = messaging.newTag();
        Optional<CtiDialog> dialog = CtiDialog.of(messaging, in.request(), tag);
        if (dialog.isEmpty()) {
            in.respond(Response.BAD_REQUEST);
            return;
        }
        CtiSession session = new CtiSession(user, dialog.get(), writer, this::close);
        // a TR/87 INVITE usually carries RequestSystemStatus; whatever it asks is answered in the 200
        CstaResponse opening = new RequestSystemStatusResponse();
        String body = body(in.request());
        if (!body.isBlank()) {
            CstaMessage message;
            try {
                message = parser.parse(body);
            } catch (CstaParseException e) {
                LOG.debug("CTI session of {} refused: {}", user, e.getMessage());
                Response bad = in.createResponse(Response.BAD_REQUEST);
                try {
                    bad.setReasonPhrase("Malformed CSTA body");
                } catch (java.text.ParseException impossible) {
                    throw new IllegalStateException(impossible);
                }
                in.send(bad);
                return;
            }
            if (!(message instanceof CstaRequest request)) {
                in.respond(Response.BAD_REQUEST);
                return;
            }
            opening = service.handle(session, request, limits);
        }
        Response ok = in.createResponse(Response.OK);
        try {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(tag);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        ok.addHeader(messaging.ownContact(messaging.transportOf(in.source())));
        CtiDialog.attach(messaging, ok, writer.write(opening));
        sessions.put(dialog.get().callId(), session);
        in.send(ok);
        LOG.info("CTI session {} of {} opened from {}", dialog.get().callId(), user, in.source());
    }

    private void request(CtiSession session, IncomingRequest in) {
        String body = body(in.request());
        if (body.isBlank()) {
            in.respond(Response.OK); // a keep-alive
            return;
        }
        CstaResponse response;
        try {
            CstaMessage message = parser.parse(body);
            response = message instanceof CstaRequest request
                    ? service.handle(session, request, limits)
                    : new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT);
        } catch (CstaParseException e) {
            LOG.debug("{}: bad CSTA request: {}", session.dialog(), e.getMessage());
            response = new CstaErrorCode(CstaParseException.errorFor(e));
        }
        Response ok = in.createResponse(Response.OK);
        CtiDialog.attach(messaging, ok, writer.write(response));
        in.send(ok);
    }

    private void close(CtiSession session) {
        session.ended();
        if (session.dialog() != null && sessions.remove(session.dialog().callId(), session)) {
            LOG.info("CTI session {} of {} closed", session.dialog().callId(), session.user());
        }
    }

    private Optional<CtiSession> sessionOf(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        CtiSession session = callId == null ? null : sessions.get(callId.getCallId());
        return session != null && session.dialog().matches(request) ? Optional.of(session) : Optional.empty();
    }

    private boolean isForGateway(Request request) {
        return request.getRequestURI() instanceof SipURI uri && GATEWAY_USER.equalsIgnoreCase(uri.getUser())
                && sipUsers.isLocalDomain(uri);
    }

    private static boolean hasToTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    private static String body(Request request) {
        byte[] raw = request.getRawContent();
        return raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }
}
