package io.switchboard.server.sip;

import io.switchboard.server.sip.transport.IncomingRequest;

import javax.sip.InvalidArgumentException;
import javax.sip.message.Response;

/** Responses several processors send the same way. */
public final class SipResponses {

    private SipResponses() {
    }

    /** 423 Interval Too Brief with the Min-Expires the client must ask for at least. */
    public static void tooBrief(IncomingRequest in, ExpiryBounds bounds) {
        Response response = in.createResponse(Response.INTERVAL_TOO_BRIEF);
        try {
            response.addHeader(in.messaging().headers().createMinExpiresHeader((int) bounds.minSeconds()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        in.send(response);
    }

    /** 403 with the exceeded limit as reason phrase. */
    public static void limitExceeded(IncomingRequest in, LimitExceededException e) {
        Response response = in.createResponse(Response.FORBIDDEN);
        try {
            response.setReasonPhrase(e.getMessage());
        } catch (java.text.ParseException bad) {
            throw new IllegalStateException(bad);
        }
        in.send(response);
    }
}
