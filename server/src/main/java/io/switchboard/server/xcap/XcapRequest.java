package io.switchboard.server.xcap;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to the XCAP server, read off the wire by {@link XcapHttpHandler}.
 *
 * @param method         GET, PUT, DELETE...
 * @param target         the request-target as sent (raw path and query); digest signs exactly this
 * @param authorizations every Authorization header value
 * @param contentType    the media type without parameters, lower case, or empty
 * @param ifMatch        the If-Match header, or empty
 * @param body           the body (the aggregator has limited its size)
 * @param source         the client's address, for the failure limiter and logs
 */
public record XcapRequest(String method, String target, List<String> authorizations, Optional<String> contentType,
                          Optional<String> ifMatch, byte[] body, InetAddress source) {

    public XcapRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        authorizations = List.copyOf(authorizations);
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(ifMatch, "ifMatch");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
    }
}
