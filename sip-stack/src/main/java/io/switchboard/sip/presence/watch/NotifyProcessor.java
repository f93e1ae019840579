package io.switchboard.sip.presence.watch;

import io.switchboard.core.model.Presence;
import io.switchboard.sip.presence.pidf.PidfAvailabilityMapping;
import io.switchboard.sip.presence.pidf.PidfParseException;
import io.switchboard.sip.presence.pidf.PidfParser;
import io.switchboard.sip.ua.SipHeaders;
import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.RateLimitedLog;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers presence NOTIFYs on the JAIN-SIP thread (RFC 6665 §4.1.3): 481 for no known
 * subscription, 489 for another event package, 400 for a missing or malformed Subscription-State
 * or a malformed PIDF, 415 for a body that is not PIDF, otherwise 200; the parsed notification
 * then goes to the {@link PresenceWatcher} on the protocol thread. Parsing is bounded by the
 * PIDF parser's size limit and refuses DTDs and entities.
 */
final class NotifyProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyProcessor.class);
    private static final RateLimitedLog BAD_NOTIFY = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    private final PresenceWatcher watcher;
    private final PidfParser parser;
    private final PidfAvailabilityMapping mapping;
    private final Clock clock;

    NotifyProcessor(PresenceWatcher watcher, PidfParser parser, PidfAvailabilityMapping mapping, Clock clock) {
        this.watcher = watcher;
        this.parser = parser;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public void process(IncomingRequest incoming) {
        Request request = incoming.request();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (!watcher.knows(callId)) {
            incoming.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || !SubscribeMessages.EVENT.equalsIgnoreCase(event.getEventType())) {
            incoming.respond(Response.BAD_EVENT);
            return;
        }
        SubscriptionStatus status;
        try {
            status = SubscriptionStatus.parse(SipHeaders.value(request.getHeader(SubscriptionStateHeader.NAME)));
        } catch (IllegalArgumentException e) {
            reject(incoming, "Bad Subscription-State", e.getMessage());
            return;
        }
        Optional<Presence> presence;
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            presence = Optional.empty();
        } else if (!isPidf((ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME))) {
            incoming.respond(Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        } else {
            try {
                presence = Optional.of(mapping.toPresence(parser.parse(body), clock.instant()));
            } catch (PidfParseException e) {
                reject(incoming, "Malformed PIDF", e.getMessage());
                return;
            }
        }
        incoming.respond(Response.OK);
        long cseq = ((javax.sip.header.CSeqHeader) request.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        watcher.notified(callId, cseq, status, presence);
    }

    private void reject(IncomingRequest incoming, String reason, String detail) {
        BAD_NOTIFY.warn("NOTIFY from {} refused: {}: {}", incoming.request().getHeader("From"), reason, detail);
        incoming.respond(Response.BAD_REQUEST, reason);
    }

    private static boolean isPidf(ContentTypeHeader type) {
        return type != null && SubscribeMessages.PIDF_TYPE.equalsIgnoreCase(type.getContentType())
                && SubscribeMessages.PIDF_SUBTYPE.equals(type.getContentSubType().toLowerCase(Locale.ROOT));
    }
}
