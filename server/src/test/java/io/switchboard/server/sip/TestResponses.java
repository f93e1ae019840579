package io.switchboard.server.sip;

import gov.nist.javax.sip.message.SIPResponse;

import java.text.ParseException;
import javax.sip.message.Response;

/** Bare responses for tests of code that only reads their status. */
public final class TestResponses {

    private TestResponses() {
    }

    public static Response withStatus(int status) {
        SIPResponse response = new SIPResponse();
        try {
            response.setStatusCode(status);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
        return response;
    }
}
