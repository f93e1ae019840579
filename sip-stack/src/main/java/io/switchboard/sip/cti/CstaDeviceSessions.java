package io.switchboard.sip.cti;

import io.switchboard.sip.csta.CstaContentType;
import io.switchboard.sip.csta.CstaError;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaMessage;
import io.switchboard.sip.csta.CstaParseException;
import io.switchboard.sip.csta.CstaParser;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.CstaWriter;
import io.switchboard.sip.csta.RequestSystemStatus;
import io.switchboard.sip.csta.RequestSystemStatusResponse;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of uaCSTA (ECMA TR/87), for a phone that speaks it: a CTI gateway opens a
 * session with an INVITE carrying CSTA, each request (in that INVITE or a later INFO) is answered
 * with the {@link CstaRequestHandler}'s response in the 200, and BYE ends the session. Other
 * INVITEs, INFOs and BYEs go on to the user agent's own processors, so calls work as before.
 * Nothing here sends events: the gateway learns what the phone does from its calls.
 */
public final class CstaDeviceSessions {

    private static final Logger LOG = LoggerFactory.getLogger(CstaDeviceSessions.class);
    /** A phone serves a gateway or two, not a crowd: more sessions than this are refused (486). */
    static final int MAX_SESSIONS = 8;

    private final SipContext context;
    private final CstaRequestHandler handler;
    private final CstaParser parser = new CstaParser();
    private final CstaWriter writer = new CstaWriter();
    /** Call-ID → the session's local tag. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    /** Takes the uaCSTA requests {@code agent} receives and answers them with {@code handler}. */
    public CstaDeviceSessions(SipUserAgent agent, CstaRequestHandler handler) {
        this.context = agent.context();
        this.handler = Objects.requireNonNull(handler, "handler");
        agent.dispatcher().intercept(Request.INVITE, calls -> in -> {
            if (isCsta(in.request()) && !hasToTag(in.request())) {
                open(in);
            } else {
                calls.process(in);
            }
        });
        agent.dispatcher().intercept(Request.INFO, others -> in -> {
            if (sessions.containsKey(callId(in.request()))) {
                answer(in, requestIn(in));
            } else {
                others.process(in);
            }
        });
        agent.dispatcher().intercept(Request.BYE, calls -> in -> {
            if (sessions.remove(callId(in.request())) != null) {
                in.respond(Response.OK);
                LOG.info("uaCSTA session {} ended by the gateway", callId(in.request()));
            } else {
                calls.process(in);
            }
        });
    }

    public int sessionCount() {
        return sessions.size();
    }

    private void open(IncomingRequest in) {
        if (in.serverTransactionOrNull() == null) {
            return; // a retransmission the stack already answers
        }
        if (sessions.size() >= MAX_SESSIONS) {
            in.respond(Response.BUSY_HERE, "Too many CTI sessions");
            return;
        }
        CstaResponse opening = requestIn(in);
        if (opening instanceof CstaErrorCode) {
            answer(in, opening);
            return;
        }
        String tag = SipContext.newTag();
        sessions.put(callId(in.request()), tag);
        Response ok = response(in, opening);
        try {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(tag);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot tag the answer", e);
        }
        ok.addHeader(context.contact(context.route().current()));
        in.send(ok);
        LOG.info("uaCSTA session {} opened by {}", callId(in.request()), in.request().getHeader("From"));
    }

    /** The CSTA response to the request {@code in} carries; an error code for what cannot be read. */
    private CstaResponse requestIn(IncomingRequest in) {
        byte[] body = in.request().getRawContent();
        if (body == null || body.length == 0 || !isCsta(in.request())) {
            return new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT);
        }
        try {
            CstaMessage message = parser.parse(body);
            if (message instanceof RequestSystemStatus) {
                return new RequestSystemStatusResponse();
            }
            if (message instanceof CstaRequest request) {
                return handler.handle(request);
            }
            return new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT);
        } catch (CstaParseException e) {
            LOG.debug("uaCSTA session {}: bad request: {}", callId(in.request()), e.getMessage());
            return new CstaErrorCode(CstaParseException.errorFor(e));
        } catch (RuntimeException e) {
            LOG.warn("uaCSTA session {}: the request failed here: {}", callId(in.request()), e.toString());
            return new CstaErrorCode(CstaError.SYSTEM_RESOURCE_GENERIC);
        }
    }

    private void answer(IncomingRequest in, CstaResponse response) {
        in.send(response(in, response));
    }

    private Response response(IncomingRequest in, CstaResponse answer) {
        Response ok = in.createResponse(Response.OK);
        try {
            ContentTypeHeader type = context.headers().createContentTypeHeader(CstaContentType.TYPE,
                    CstaContentType.SUBTYPE);
            ok.setContent(writer.write(answer).getBytes(StandardCharsets.UTF_8), type);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot attach a CSTA body", e);
        }
        return ok;
    }

    private static boolean isCsta(Request request) {
        return CstaSessions.isCsta(request);
    }

    private static boolean hasToTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    private static String callId(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }
}
