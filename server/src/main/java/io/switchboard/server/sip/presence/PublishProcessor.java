package io.switchboard.server.sip.presence;

import io.switchboard.server.sip.ExpiryBounds;
import io.switchboard.server.sip.LimitExceededException;
import io.switchboard.server.sip.SipResponses;
import io.switchboard.server.sip.SipUsers;
import io.switchboard.server.sip.auth.SipDigestAuthenticator;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.sip.presence.pidf.PidfDocument;
import io.switchboard.sip.presence.pidf.PidfParseException;
import io.switchboard.sip.presence.pidf.PidfParser;

import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUBLISH for the presence event package (RFC 3903 §6): a user publishes their own state only.
 * Without SIP-If-Match a PIDF body starts a publication; with it, no body refreshes, a body
 * modifies and Expires: 0 removes — each answered with a fresh SIP-ETag, or 412 when the tag is
 * unknown or expired. Bodies are parsed by the hardened PIDF codec (400 when unacceptable, 415 for
 * another content type).
 */
public final class PublishProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(PublishProcessor.class);

    private final SipUsers users;
    private final SipDigestAuthenticator authenticator;
    private final PublicationStore publications;
    private final ExpiryBounds bounds;
    private final PidfParser parser;

    public PublishProcessor(SipUsers users, SipDigestAuthenticator authenticator, PublicationStore publications,
                            ExpiryBounds bounds, PidfParser parser) {
        this.users = Objects.requireNonNull(users, "users");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.publications = Objects.requireNonNull(publications, "publications");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * Over UDP a PUBLISH gets no JAIN-SIP server transaction: the dispatcher remembers its answer
     * and repeats it to a retransmission, so a copy never makes a second publication with an entity
     * tag of its own; and nothing of JAIN-SIP's is kept 32 s per PUBLISH (ADR 0033).
     */
    @Override
    public boolean answerRemembered() {
        return true;
    }

    @Override
    public void process(IncomingRequest in) {
        Request request = in.request();
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || EventPackage.fromToken(event.getEventType()).orElse(null) != EventPackage.PRESENCE) {
            SubscribeProcessor.badEvent(in, EventPackage.PRESENCE);
            return;
        }
        Optional<String> presentity = users.localUser(request.getRequestURI());
        if (presentity.isEmpty()) {
            in.respond(Response.NOT_FOUND);
            return;
        }
        Optional<String> publisher = authenticator.authenticate(in, SipDigestAuthenticator.Role.REGISTRAR);
        if (publisher.isEmpty()) {
            return;
        }
        if (!publisher.get().equals(presentity.get())) {
            LOG.info("{} tried to publish the presence of {} from {}", publisher.get(), presentity.get(), in.source());
            in.respond(Response.FORBIDDEN);
            return;
        }
        ExpiresHeader expiresHeader = request.getExpires();
        long asked = expiresHeader == null ? -1 : expiresHeader.getExpires();
        if (bounds.tooBrief(asked)) {
            SipResponses.tooBrief(in, bounds);
            return;
        }
        long expires = bounds.grant(asked);
        PidfDocument document;
        try {
            document = body(in);
        } catch (UnsupportedBodyException e) {
            return; // answered
        }
        SIPIfMatchHeader ifMatch = (SIPIfMatchHeader) request.getHeader(SIPIfMatchHeader.NAME);
        if (ifMatch == null) {
            if (document == null || expires == 0) {
                in.respond(Response.BAD_REQUEST); // an initial PUBLISH carries state (RFC 3903 §6 step 4)
                return;
            }
            try {
                respond(in, publications.publish(presentity.get(), document, expires), expires);
            } catch (LimitExceededException e) {
                LOG.info("PUBLISH of {} from {} refused: {}", presentity.get(), in.source(), e.getMessage());
                SipResponses.limitExceeded(in, e);
            }
            return;
        }
        if (expires == 0) {
            if (publications.remove(presentity.get(), ifMatch.getETag())) {
                respond(in, null, 0);
            } else {
                in.respond(Response.CONDITIONAL_REQUEST_FAILED);
            }
            return;
        }
        Optional<String> updated = publications.update(presentity.get(), ifMatch.getETag(), document, expires);
        if (updated.isEmpty()) {
            in.respond(Response.CONDITIONAL_REQUEST_FAILED);
            return;
        }
        respond(in, updated.get(), expires);
    }

    /** The PIDF body, or null without one. */
    private PidfDocument body(IncomingRequest in) throws UnsupportedBodyException {
        byte[] raw = in.request().getRawContent();
        if (raw == null || raw.length == 0) {
            return null;
        }
        ContentTypeHeader type = (ContentTypeHeader) in.request().getHeader(ContentTypeHeader.NAME);
        if (type == null || !EventPackage.PRESENCE.contentType().equalsIgnoreCase(type.getContentType())
                || !EventPackage.PRESENCE.contentSubType().equalsIgnoreCase(type.getContentSubType())) {
            Response unsupported = in.createResponse(Response.UNSUPPORTED_MEDIA_TYPE);
            try {
                unsupported.addHeader(in.messaging().headers().createAcceptHeader(
                        EventPackage.PRESENCE.contentType(), EventPackage.PRESENCE.contentSubType()));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            in.send(unsupported);
            throw new UnsupportedBodyException();
        }
        try {
            return parser.parse(raw);
        } catch (PidfParseException e) {
            LOG.debug("unacceptable PIDF in PUBLISH from {}: {}", in.source(), e.getMessage());
            in.respond(Response.BAD_REQUEST);
            throw new UnsupportedBodyException();
        }
    }

    private static void respond(IncomingRequest in, String entityTag, long expires) {
        Response ok = in.createResponse(Response.OK);
        try {
            if (entityTag != null) {
                ok.addHeader(in.messaging().headers().createSIPETagHeader(entityTag));
            }
            ok.addHeader(in.messaging().headers().createExpiresHeader((int) expires));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        in.send(ok);
    }

    /** The body was refused and the request answered. */
    private static final class UnsupportedBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedBodyException() {
            super(null, null, false, false);
        }
    }
}
