package io.switchboard.sip.message;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.sip.ua.SipContext;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.ByteBuffer;
import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.DateHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * Writes and reads the body of pager-mode MESSAGE requests (RFC 3428): text/plain in UTF-8 out;
 * in, text/plain in the declared charset, bounded in size, undecodable bytes refused rather than
 * replaced. Stateless.
 */
final class PagerMessages {

    /** RFC 3428 §9 keeps pager-mode messages under 1300 bytes unless congestion-controlled; 64 KiB caps the rest. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String IS_COMPOSING = "im-iscomposing+xml";
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(30);

    /** Why a received MESSAGE is refused. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private PagerMessages() {
    }

    static void fill(SipContext context, Request request, String text) {
        try {
            ContentTypeHeader type = context.headers().createContentTypeHeader("text", "plain");
            type.setParameter("charset", "UTF-8");
            request.setContent(text.getBytes(StandardCharsets.UTF_8), type);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot build MESSAGE", e);
        }
    }

    /** True for an RFC 3994 is-composing indication, which is acknowledged but not shown. */
    static boolean isComposingIndication(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type != null && "application".equalsIgnoreCase(type.getContentType())
                && IS_COMPOSING.equalsIgnoreCase(type.getContentSubType());
    }

    static PagerMessage read(Request request, Instant now) throws Refused {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"text".equalsIgnoreCase(type.getContentType())
                || !"plain".equalsIgnoreCase(type.getContentSubType())) {
            throw new Refused(415, "only text/plain is understood");
        }
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        if (body.length > MAX_BODY_BYTES) {
            throw new Refused(413, "message body larger than " + MAX_BODY_BYTES + " bytes");
        }
        String text = decode(body, type.getParameter("charset"));
        try {
            Address from = Address.fromSipUri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
            Address to = Address.fromSipUri(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
            return new PagerMessage(from, to, text, now, sentAt(request, now));
        } catch (InvalidAddressException e) {
            throw new Refused(400, "From or To is not a sip:user@domain address: " + e.getMessage());
        }
    }

    /**
     * The Date header when it is more than {@link #CLOCK_SKEW} before {@code now}: the server
     * stamps MESSAGEs it kept in offline storage with their original time (ADR 0016); a small
     * difference is clock skew, and a Date in the future is ignored.
     */
    private static Instant sentAt(Request request, Instant now) {
        if (request.getHeader(DateHeader.NAME) instanceof DateHeader date && date.getDate() != null) {
            // HTTP-date has whole seconds; JAIN-SIP's Calendar keeps the parse time's milliseconds
            Instant sent = date.getDate().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            if (sent.isBefore(now.minus(CLOCK_SKEW))) {
                return sent;
            }
        }
        return now;
    }

    /** The From address of a received MESSAGE. */
    static Address sender(Request request) throws Refused {
        try {
            return Address.fromSipUri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        } catch (InvalidAddressException e) {
            throw new Refused(400, "From is not a sip:user@domain address: " + e.getMessage());
        }
    }

    static void fillComposing(SipContext context, Request request, byte[] document) {
        try {
            request.setContent(document, context.headers().createContentTypeHeader(
                    IsComposingCodec.CONTENT_TYPE, IsComposingCodec.CONTENT_SUB_TYPE));
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot build an is-composing MESSAGE", e);
        }
    }

    private static String decode(byte[] body, String charsetName) throws Refused {
        Charset charset;
        try {
            charset = charsetName == null ? StandardCharsets.UTF_8 : Charset.forName(charsetName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Refused(415, "unsupported charset " + charsetName);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, "body is not valid " + charset.name());
        }
    }
}
