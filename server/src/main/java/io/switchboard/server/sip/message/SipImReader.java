package io.switchboard.server.sip.message;

import io.switchboard.sip.message.IsComposingCodec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.SubjectHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Reads the body of a received MESSAGE for the gateway (RFC 7572 §5, RFC 3994): text/plain in its
 * declared charset (UTF-8 when none, RFC 3428 §9 recommends it), undecodable bytes refused rather
 * than replaced; is-composing documents through the hardened codec. Other types are not the
 * gateway's (empty). Stateless.
 */
public final class SipImReader {

    /**
     * XMPP servers commonly cap stanzas near 64 KiB; a text longer than that would be refused on
     * the XMPP side anyway, so it is refused here with 413 (RFC 7572 §5 leaves limits to us).
     */
    public static final int MAX_TEXT_BYTES = 60 * 1024;
    /** RFC 7572 maps the Subject header to {@code <subject/>}; a title, not an essay. */
    private static final int MAX_SUBJECT_CHARS = 256;

    private final IsComposingCodec codec = new IsComposingCodec();

    /** Why a MESSAGE is refused, as a SIP status. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The gateway's view of {@code request}; empty for content types it does not carry. */
    public Optional<SipIm> read(Request request) throws RefusedException {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null) {
            return Optional.empty();
        }
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        if (IsComposingCodec.CONTENT_TYPE.equalsIgnoreCase(type.getContentType())
                && IsComposingCodec.CONTENT_SUB_TYPE.equalsIgnoreCase(type.getContentSubType())) {
            try {
                return Optional.of(SipIm.composing(codec.parse(body)));
            } catch (IsComposingCodec.InvalidIsComposingException e) {
                throw new RefusedException(Response.BAD_REQUEST, e.getMessage());
            }
        }
        if (!"text".equalsIgnoreCase(type.getContentType()) || !"plain".equalsIgnoreCase(type.getContentSubType())) {
            return Optional.empty();
        }
        if (body.length > MAX_TEXT_BYTES) {
            throw new RefusedException(Response.REQUEST_ENTITY_TOO_LARGE,
                    "text larger than " + MAX_TEXT_BYTES + " bytes");
        }
        String text = decode(body, type.getParameter("charset"));
        if (text.chars().anyMatch(SipImReader::notXmlChar)) {
            // XMPP cannot carry control characters (XML 1.0 §2.2): refuse instead of mangling
            throw new RefusedException(Response.BAD_REQUEST, "text holds characters XML cannot carry");
        }
        return Optional.of(SipIm.text(text, subject(request)));
    }

    private static Optional<String> subject(Request request) {
        if (!(request.getHeader(SubjectHeader.NAME) instanceof SubjectHeader header) || header.getSubject() == null) {
            return Optional.empty();
        }
        String subject = header.getSubject().strip();
        if (subject.isEmpty() || subject.chars().anyMatch(SipImReader::notXmlChar)) {
            return Optional.empty();
        }
        return Optional.of(subject.length() > MAX_SUBJECT_CHARS ? subject.substring(0, MAX_SUBJECT_CHARS) : subject);
    }

    private static String decode(byte[] body, String charsetName) throws RefusedException {
        Charset charset;
        try {
            charset = charsetName == null ? StandardCharsets.UTF_8
                    : Charset.forName(unquote(charsetName).toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new RefusedException(Response.UNSUPPORTED_MEDIA_TYPE, "unsupported charset " + charsetName);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new RefusedException(Response.BAD_REQUEST, "body is not valid " + charset.name());
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static boolean notXmlChar(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
    }
}
