package io.switchboard.sip.presence.watchers;

import io.switchboard.sip.presence.winfo.WatcherInfo;
import io.switchboard.sip.ua.SipContext;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/** Writes the headers of a watcher-info SUBSCRIBE (RFC 3857 §4, RFC 6665 §7.1). Stateless. */
final class WatcherInfoMessages {

    /** The template package: watchers of the presence package. */
    static final String EVENT = "presence.winfo";

    private WatcherInfoMessages() {
    }

    static void fill(SipContext context, Request request, int expires) {
        try {
            request.setHeader(context.headers().createEventHeader(EVENT));
            request.setHeader(context.headers().createAcceptHeader(WatcherInfo.CONTENT_TYPE, WatcherInfo.CONTENT_SUBTYPE));
            request.setHeader(context.headers().createExpiresHeader(expires));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build SUBSCRIBE", e);
        }
    }
}
