package io.switchboard.server.xcap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the XCAP server answers: status, body and the headers XCAP cares about.
 *
 * @param headers further headers (WWW-Authenticate challenges, Allow, Retry-After), name to values
 */
public record XcapResult(int status, Optional<String> contentType, byte[] body, Optional<String> etag,
                         Map<String, List<String>> headers) {

    public XcapResult {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        headers = Map.copyOf(headers);
    }

    /** A document or element with its entity tag. */
    public static XcapResult ok(int status, String contentType, byte[] body, String etag) {
        return new XcapResult(status, Optional.of(contentType), body, Optional.of(etag), Map.of());
    }

    /** A success without body (DELETE), with the document's new entity tag. */
    public static XcapResult noBody(int status, String etag) {
        return new XcapResult(status, Optional.empty(), new byte[0], Optional.of(etag), Map.of());
    }

    /** A failure explained in plain text. */
    public static XcapResult text(int status, String message) {
        return new XcapResult(status, Optional.of("text/plain; charset=utf-8"),
                (message + "\n").getBytes(StandardCharsets.UTF_8), Optional.empty(), Map.of());
    }

    /** A 409 with an RFC 4825 §11 error document. */
    public static XcapResult conflict(byte[] xcapError) {
        return new XcapResult(409, Optional.of(XcapErrors.CONTENT_TYPE), xcapError, Optional.empty(), Map.of());
    }

    public XcapResult withHeader(String name, List<String> values) {
        java.util.HashMap<String, List<String>> more = new java.util.HashMap<>(headers);
        more.put(name, List.copyOf(values));
        return new XcapResult(status, contentType, body, etag, more);
    }
}
