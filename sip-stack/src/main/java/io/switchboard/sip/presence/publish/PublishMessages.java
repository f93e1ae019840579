package io.switchboard.sip.presence.publish;

import io.switchboard.sip.ua.SipContext;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.SIPETagHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Writes the headers and body of the four PUBLISH kinds of RFC 3903 §4 and reads the answer:
 * initial (body, no SIP-If-Match), refresh (SIP-If-Match, no body), modify (both), remove
 * (SIP-If-Match, Expires 0). Stateless.
 */
final class PublishMessages {

    static final String EVENT = "presence";

    private PublishMessages() {
    }

    /**
     * @param etag     the entity tag to match, or null for an initial publication
     * @param document the PIDF to publish, or null for a refresh or remove
     */
    static void fill(SipContext context, Request request, String etag, byte[] document, int expires) {
        try {
            request.addHeader(context.headers().createEventHeader(EVENT));
            request.addHeader(context.headers().createExpiresHeader(expires));
            if (etag != null) {
                request.addHeader(context.headers().createSIPIfMatchHeader(etag));
            }
            if (document != null) {
                request.setContent(document, context.headers().createContentTypeHeader("application", "pidf+xml"));
            }
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build PUBLISH", e);
        }
    }

    /** The SIP-ETag of a 2xx, or null when the server sent none (a broken server). */
    static String etag(Response response) {
        SIPETagHeader header = (SIPETagHeader) response.getHeader(SIPETagHeader.NAME);
        return header == null ? null : header.getETag();
    }

    static int minExpires(Response response) {
        MinExpiresHeader header = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
        return header == null ? -1 : header.getExpires();
    }
}
