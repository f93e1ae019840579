package io.switchboard.sip.presence.watch;

import io.switchboard.sip.ua.SipContext;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/** Writes the headers of a presence SUBSCRIBE (RFC 3856 §6, RFC 6665 §7.1). Stateless. */
final class SubscribeMessages {

    static final String EVENT = "presence";
    static final String PIDF_TYPE = "application";
    static final String PIDF_SUBTYPE = "pidf+xml";

    private SubscribeMessages() {
    }

    static void fill(SipContext context, Request request, int expires) {
        try {
            request.setHeader(context.headers().createEventHeader(EVENT));
            request.setHeader(context.headers().createAcceptHeader(PIDF_TYPE, PIDF_SUBTYPE));
            request.setHeader(context.headers().createExpiresHeader(expires));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build SUBSCRIBE", e);
        }
    }
}
