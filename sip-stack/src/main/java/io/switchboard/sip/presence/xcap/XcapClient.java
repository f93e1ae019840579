package io.switchboard.sip.presence.xcap;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.auth.DigestException;
import io.switchboard.sip.auth.DigestResponder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A small XCAP client (RFC 4825) over {@link HttpClient}: GET, PUT and DELETE of a document or an
 * element, answering the server's HTTP Digest challenge (RFC 7616) with sip-stack's
 * {@link DigestResponder} — the same code and credentials the SIP registrations use. Every request
 * is first sent without credentials when no challenge is known; after a challenge the client
 * answers it with a growing nonce count until the server asks again (stale or new nonce).
 * Responses larger than {@link #MAX_RESPONSE_BYTES} are refused. Thread-safe.
 */
public final class XcapClient {

    public static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final int UNAUTHORIZED = 401;

    private final HttpClient http;
    private final DigestCredentials credentials;
    private final DigestResponder responder;
    private final Duration timeout;
    private final Object challengeLock = new Object();
    private DigestChallenge challenge;
    private long nonceCount;

    public XcapClient(HttpClient http, DigestCredentials credentials, DigestResponder responder, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public XcapResponse get(URI uri) throws XcapException {
        return send(uri, "GET", null, null, Optional.empty());
    }

    /** Creates or replaces the document or element at {@code uri} with {@code body} of {@code contentType}. */
    public XcapResponse put(URI uri, String contentType, byte[] body) throws XcapException {
        return send(uri, "PUT", contentType, body, Optional.empty());
    }

    /** A PUT only if the document's entity tag is still {@code ifMatch} (412 otherwise, RFC 4825 §7.11). */
    public XcapResponse put(URI uri, String contentType, byte[] body, String ifMatch) throws XcapException {
        return send(uri, "PUT", contentType, body, Optional.of(ifMatch));
    }

    public XcapResponse delete(URI uri) throws XcapException {
        return send(uri, "DELETE", null, null, Optional.empty());
    }

    private XcapResponse send(URI uri, String method, String contentType, byte[] body, Optional<String> ifMatch)
            throws XcapException {
        Exchange first = exchange(uri, method, contentType, body, ifMatch, authorization(uri, method));
        if (first.response().status() != UNAUTHORIZED) {
            return first.response();
        }
        DigestChallenge fresh = strongest(first.challenges(), uri);
        synchronized (challengeLock) {
            challenge = fresh;
            nonceCount = 0;
        }
        Exchange second = exchange(uri, method, contentType, body, ifMatch, authorization(uri, method));
        if (second.response().status() == UNAUTHORIZED) {
            throw new XcapException(UNAUTHORIZED, "the XCAP server at " + uri.getAuthority()
                    + " refused the credentials of " + credentials.username());
        }
        return second.response();
    }

    private Optional<String> authorization(URI uri, String method) throws XcapException {
        DigestChallenge current;
        long count;
        synchronized (challengeLock) {
            if (challenge == null) {
                return Optional.empty();
            }
            current = challenge;
            count = ++nonceCount;
        }
        try {
            return Optional.of(responder.respond(current, credentials, method, requestTarget(uri), count)
                    .toHeaderValue());
        } catch (DigestException e) {
            throw new XcapException(UNAUTHORIZED, "cannot answer the XCAP server's challenge: " + e.getMessage());
        }
    }

    /** SHA-256 when offered, else MD5: the strongest the client knows. */
    private static DigestChallenge strongest(List<String> headers, URI uri) throws XcapException {
        List<DigestChallenge> offered = new ArrayList<>();
        for (String header : headers) {
            try {
                offered.add(DigestChallenge.parse(header));
            } catch (DigestException e) {
                // another scheme (Basic) or an algorithm we do not know: look at the next one
            }
        }
        return offered.stream().filter(c -> c.algorithm() == DigestAlgorithm.SHA_256).findFirst()
                .or(() -> offered.stream().findFirst())
                .orElseThrow(() -> new XcapException(UNAUTHORIZED, "the XCAP server at " + uri.getAuthority()
                        + " asks for credentials without a Digest challenge we can answer"));
    }

    /** An answer and the challenges it carried. */
    private record Exchange(XcapResponse response, List<String> challenges) {
    }

    private Exchange exchange(URI uri, String method, String contentType, byte[] body, Optional<String> ifMatch,
                              Optional<String> authorization) throws XcapException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        if (body != null) {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        ifMatch.ifPresent(value -> request.header("If-Match", value));
        try {
            HttpResponse<java.io.InputStream> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] responseBody;
            try (java.io.InputStream in = response.body()) {
                // read one byte past the limit, never the whole of a hostile body
                responseBody = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            if (responseBody.length > MAX_RESPONSE_BYTES) {
                throw new XcapException(response.statusCode(), "XCAP response larger than " + MAX_RESPONSE_BYTES
                        + " bytes refused");
            }
            return new Exchange(new XcapResponse(response.statusCode(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Content-Type"), responseBody),
                    response.headers().allValues("WWW-Authenticate"));
        } catch (IOException e) {
            throw new XcapException("the XCAP server at " + uri.getAuthority() + " did not answer: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XcapException("interrupted while waiting for the XCAP server", e);
        }
    }

    /** The path and query as sent on the request line: what the digest's {@code uri} must be (RFC 7616 §3.4). */
    static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
