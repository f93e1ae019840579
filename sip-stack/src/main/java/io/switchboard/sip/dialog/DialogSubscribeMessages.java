package io.switchboard.sip.dialog;

import io.switchboard.sip.ua.SipContext;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/** Writes the headers of a dialog SUBSCRIBE (RFC 4235 §3.1, §3.3; RFC 6665 §7.1). Stateless. */
final class DialogSubscribeMessages {

    private DialogSubscribeMessages() {
    }

    static void fill(SipContext context, Request request, int expires) {
        try {
            request.setHeader(context.headers().createEventHeader(DialogInfo.EVENT));
            request.setHeader(context.headers().createAcceptHeader(DialogInfo.CONTENT_TYPE, DialogInfo.CONTENT_SUBTYPE));
            request.setHeader(context.headers().createExpiresHeader(expires));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build SUBSCRIBE", e);
        }
    }
}
