package io.switchboard.sip.call;

import io.switchboard.sip.ua.SipContext;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/**
 * Puts SDP into a message and takes it out (application/sdp, RFC 3264). The SIP layer treats SDP
 * as opaque text; the media layer reads and writes it. Bodies over {@link #MAX_BYTES} are refused:
 * an SDP for one audio stream is well under 2 KB.
 */
final class SdpBodies {

    static final int MAX_BYTES = 16 * 1024;

    private SdpBodies() {
    }

    static void attach(SipContext context, Message message, String sdp) {
        try {
            ContentTypeHeader type = context.headers().createContentTypeHeader("application", "sdp");
            message.setContent(sdp.getBytes(StandardCharsets.UTF_8), type);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot attach SDP", e);
        }
    }

    /**
     * The SDP a message carries, or null when it has no body.
     *
     * @throws Refused if the body is not application/sdp (415) or too large (413)
     */
    static String read(Message message) throws Refused {
        byte[] body = message.getRawContent();
        if (body == null || body.length == 0) {
            return null;
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"application".equalsIgnoreCase(type.getContentType())
                || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            throw new Refused(415, "only application/sdp bodies are understood");
        }
        if (body.length > MAX_BYTES) {
            throw new Refused(413, "SDP larger than " + MAX_BYTES + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A body we do not take, with the status to answer. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
