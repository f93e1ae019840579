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
}
