package io.switchboard.sip.presence.watch;

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

/**
 * Answers the NOTIFYs of one event package on the JAIN-SIP thread (RFC 6665 §4.1.3), the same way
 * for every package: 481 for no known subscription, 489 for another event package, 400 for a
 * missing or malformed Subscription-State or a malformed body, 415 for a body of another type,
 * otherwise 200; the decoded notification then goes to the package's subscriber. Decoders bound
 * their input and refuse DTDs and entities; refusals are logged at most once per 10 s.
 *
 * @param <T> the decoded body (a presence, a watcher-info document)
 */
public abstract class EventNotifyProcessor<T> implements RequestProcessor {

    private final String eventPackage;
    private final String contentType;
    private final String contentSubType;
    private final RateLimitedLog badNotify;

    protected EventNotifyProcessor(String eventPackage, String contentType, String contentSubType, Logger log) {
        this.eventPackage = eventPackage;
        this.contentType = contentType;
        this.contentSubType = contentSubType.toLowerCase(Locale.ROOT);
        this.badNotify = new RateLimitedLog(log, Duration.ofSeconds(10));
    }

    /** Whether this Call-ID belongs to one of the package's subscriptions. */
    protected abstract boolean knows(String callId);

    /** Decodes a non-empty body of the package's content type. */
    protected abstract T decode(byte[] body) throws MalformedBodyException;

    /** Called after the 200 went out, with the body's meaning if it had one. */
    protected abstract void notified(String callId, long cseq, SubscriptionStatus status, Optional<T> body);

    @Override
    public final void process(IncomingRequest incoming) {
        Request request = incoming.request();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (!knows(callId)) {
            incoming.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || !eventPackage.equalsIgnoreCase(event.getEventType())) {
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
        Optional<T> decoded;
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            decoded = Optional.empty();
        } else if (!hasPackageType((ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME))) {
            incoming.respond(Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        } else {
            try {
                decoded = Optional.of(decode(body));
            } catch (MalformedBodyException e) {
                reject(incoming, e.reason(), e.getMessage());
                return;
            }
        }
        incoming.respond(Response.OK);
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        notified(callId, cseq, status, decoded);
    }

    private void reject(IncomingRequest incoming, String reason, String detail) {
        badNotify.warn("{} NOTIFY from {} refused: {}: {}", eventPackage, incoming.request().getHeader("From"),
                reason, detail);
        incoming.respond(Response.BAD_REQUEST, reason);
    }

    private boolean hasPackageType(ContentTypeHeader type) {
        return type != null && contentType.equalsIgnoreCase(type.getContentType())
                && contentSubType.equals(type.getContentSubType().toLowerCase(Locale.ROOT));
    }

    /** A body that does not decode; {@link #reason()} becomes the 400's reason phrase. */
    public static final class MalformedBodyException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        public MalformedBodyException(String reason, Exception cause) {
            super(cause.getMessage(), cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
