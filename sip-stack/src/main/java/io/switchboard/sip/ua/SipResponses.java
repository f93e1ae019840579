package io.switchboard.sip.ua;

import java.util.Set;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;

/** Reading final responses: success or a typed refusal, granted lifetimes. Stateless. */
public final class SipResponses {

    /**
     * Final responses to a request inside a dialog that end that dialog usage — e.g. a subscription
     * — or the whole dialog (RFC 5057 §5.1): 404, 405, 410, 416, 481–485, 489, 501, 502, 604. Every
     * other failure concerns that one transaction only; among them the 500 a UAS must send for a
     * request that arrives after a newer one of the same dialog (RFC 3261 §12.2.2).
     */
    private static final Set<Integer> USAGE_ENDING = Set.of(404, 405, 410, 416, 481, 482, 483, 484, 485, 489,
            501, 502, 604);

    private SipResponses() {
    }

    /** Whether a final {@code status} to an in-dialog request ends the usage it was sent in (RFC 5057). */
    public static boolean endsTheUsage(int status) {
        return USAGE_ENDING.contains(status);
    }

    public static boolean isSuccess(Response response) {
        return response.getStatusCode() >= 200 && response.getStatusCode() < 300;
    }

    /** The response itself when 2xx, otherwise a {@link SipRejectedException} carrying its status. */
    public static Response requireSuccess(String method, Response response) throws SipRejectedException {
        if (isSuccess(response)) {
            return response;
        }
        throw rejection(method, response);
    }

    public static SipRejectedException rejection(String method, Response response) {
        RetryAfterHeader retryAfter = (RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME);
        return new SipRejectedException(method, response.getStatusCode(), response.getReasonPhrase(),
                retryAfter == null ? -1 : retryAfter.getRetryAfter());
    }

    /** The Expires header's value in seconds, or {@code fallback} without one. */
    public static int expires(Response response, int fallback) {
        ExpiresHeader expires = response.getExpires();
        return expires == null ? fallback : expires.getExpires();
    }
}
