package io.switchboard.sip.presence.watchers;

import io.switchboard.sip.presence.watch.SubscriptionStatus;
import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.presence.winfo.WatcherInfoParseException;
import io.switchboard.sip.presence.winfo.WatcherInfoParser;
import io.switchboard.sip.ua.SipHeaders;
import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.RateLimitedLog;
import io.switchboard.sip.ua.transaction.RequestProcessor;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers watcher-info NOTIFYs on the JAIN-SIP thread (RFC 6665 §4.1.3, RFC 3857): 481 for no known
 * subscription, 489 for another event package, 400 for a bad Subscription-State or a malformed
 * document, 415 for a body that is not {@code application/watcherinfo+xml}, otherwise 200; the
 * parsed document then goes to the {@link WatcherInfoSubscriber} on the protocol thread. Parsing is
 * bounded by the parser's size limit and refuses DTDs and entities.
 */
final class WatcherInfoNotifyProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherInfoNotifyProcessor.class);
    private static final RateLimitedLog BAD_NOTIFY = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    private final WatcherInfoSubscriber subscriber;
    private final WatcherInfoParser parser;

    WatcherInfoNotifyProcessor(WatcherInfoSubscriber subscriber, WatcherInfoParser parser) {
        this.subscriber = subscriber;
        this.parser = parser;
    }

    @Override
    public void process(IncomingRequest incoming) {
        Request request = incoming.request();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (!subscriber.knows(callId)) {
            incoming.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || !WatcherInfoMessages.EVENT.equalsIgnoreCase(event.getEventType())) {
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
        Optional<WatcherInfo> document;
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            document = Optional.empty();
        } else if (!isWatcherInfo((ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME))) {
            incoming.respond(Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        } else {
            try {
                document = Optional.of(parser.parse(body));
            } catch (WatcherInfoParseException e) {
                reject(incoming, "Malformed watcher information", e.getMessage());
                return;
            }
        }
        incoming.respond(Response.OK);
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        subscriber.notified(callId, cseq, status, document);
    }

    private void reject(IncomingRequest incoming, String reason, String detail) {
        BAD_NOTIFY.warn("watcher-info NOTIFY from {} refused: {}: {}", incoming.request().getHeader("From"), reason,
                detail);
        incoming.respond(Response.BAD_REQUEST, reason);
    }

    private static boolean isWatcherInfo(ContentTypeHeader type) {
        return type != null && WatcherInfo.CONTENT_TYPE.equalsIgnoreCase(type.getContentType())
                && WatcherInfo.CONTENT_SUBTYPE.equals(type.getContentSubType().toLowerCase(Locale.ROOT));
    }
}
