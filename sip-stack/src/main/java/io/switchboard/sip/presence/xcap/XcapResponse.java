package io.switchboard.sip.presence.xcap;

import java.util.Objects;
import java.util.Optional;

/**
 * One XCAP answer.
 *
 * @param status      the HTTP status
 * @param etag        the entity tag of the document after the request (RFC 4825 §7.11), if sent
 * @param contentType the body's media type, or empty
 * @param body        the body, possibly empty
 */
public record XcapResponse(int status, Optional<String> etag, Optional<String> contentType, byte[] body) {

    public XcapResponse {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
