package io.switchboard.sip.mwi;

import io.switchboard.sip.ua.SipContext;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/** Writes the headers of a message-summary SUBSCRIBE (RFC 3842 §3.6, RFC 6665 §7.1). Stateless. */
final class MessageSummaryMessages {

    private MessageSummaryMessages() {
    }

    static void fill(SipContext context, Request request, int expires) {
        try {
            request.setHeader(context.headers().createEventHeader(MessageSummary.EVENT));
            request.setHeader(context.headers().createAcceptHeader(MessageSummary.CONTENT_TYPE,
                    MessageSummary.CONTENT_SUBTYPE));
            request.setHeader(context.headers().createExpiresHeader(expires));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build SUBSCRIBE", e);
        }
    }
}
