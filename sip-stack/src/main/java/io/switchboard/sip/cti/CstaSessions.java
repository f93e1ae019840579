package io.switchboard.sip.cti;

import io.switchboard.core.model.Address;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.csta.CstaContentType;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.CstaMessage;
import io.switchboard.sip.csta.CstaParseException;
import io.switchboard.sip.csta.CstaParser;
import io.switchboard.sip.csta.CstaWriter;
import io.switchboard.sip.ua.transaction.IncomingRequest;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uaCSTA sessions of one user agent (the manager facade): opens sessions with CTI gateways and
 * routes the gateway's INFOs to them. Events that do not parse are answered 200 anyway (the session
 * must not end over one bad event) and logged.
 */
public final class CstaSessions {

    private static final Logger LOG = LoggerFactory.getLogger(CstaSessions.class);

    private final SipUserAgent agent;
    private final CstaParser parser = new CstaParser();
    private final CstaWriter writer = new CstaWriter();
    private final Map<String, CstaSession> sessions = new ConcurrentHashMap<>();

    /** Takes the user agent's INFO requests (uaCSTA is the only INFO it receives outside calls). */
    public CstaSessions(SipUserAgent agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
        agent.dispatcher().register(Request.INFO, this::info);
    }

    /**
     * Opens a session with the gateway at {@code gateway} (e.g. {@code cti@example.com}): an INVITE
     * with RequestSystemStatus. Completes with the open session, or exceptionally with
     * {@code SipRejectedException} and the gateway's status.
     */
    public CompletableFuture<CstaSession> open(Address gateway) {
        CstaSession session = new CstaSession(agent.context(), gateway, writer, parser, this::forget);
        return session.open().thenApply(opened -> {
            sessions.put(session.callId(), session);
            return session;
        });
    }

    private void forget(CstaSession session) {
        sessions.remove(session.callId(), session);
    }

    private void info(IncomingRequest request) {
        CallIdHeader callId = (CallIdHeader) request.request().getHeader(CallIdHeader.NAME);
        CstaSession session = callId == null ? null : sessions.get(callId.getCallId());
        if (session == null) {
            request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        byte[] body = request.request().getRawContent();
        try {
            if (body != null && body.length > 0 && isCsta(request.request())) {
                deliver(session, body);
            }
        } finally {
            // answered only once the event is queued for the listeners: the gateway sends the next
            // event on this answer, and SIP threads in parallel could otherwise pass it on first
            request.respond(Response.OK);
        }
    }

    private void deliver(CstaSession session, byte[] body) {
        try {
            CstaMessage message = parser.parse(body);
            if (message instanceof CstaEvent event) {
                session.event(event);
            } else {
                LOG.debug("uaCSTA session {}: ignored a {} from the gateway", session.callId(),
                        message.getClass().getSimpleName());
            }
        } catch (CstaParseException e) {
            LOG.info("uaCSTA session {}: unreadable event from the gateway: {}", session.callId(), e.getMessage());
        }
    }

    static boolean isCsta(javax.sip.message.Message message) {
        var type = (javax.sip.header.ContentTypeHeader) message.getHeader(javax.sip.header.ContentTypeHeader.NAME);
        return type != null && CstaContentType.matches(type.getContentType(), type.getContentSubType());
    }
}
