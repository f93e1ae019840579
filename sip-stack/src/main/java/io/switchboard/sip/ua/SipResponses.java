package io.switchboard.sip.ua;

import javax.sip.header.ExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;

/** Reading final responses: success or a typed refusal, granted lifetimes. Stateless. */
public final class SipResponses {

    private SipResponses() {
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
