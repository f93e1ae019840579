package io.switchboard.sip.call;

import java.util.Objects;

import javax.sip.message.Response;

/**
 * What the media layer says to an SDP offer in a re-INVITE: an answer to send in the 200 OK, or a
 * rejection with its status (488 when no acceptable media, 400 when the SDP is malformed).
 */
public record SessionAnswer(String sdp, int rejectStatus, String reason) {

    public static SessionAnswer accept(String sdp) {
        return new SessionAnswer(Objects.requireNonNull(sdp, "sdp"), 0, "");
    }

    public static SessionAnswer notAcceptable(String reason) {
        return new SessionAnswer(null, Response.NOT_ACCEPTABLE_HERE, reason);
    }

    public static SessionAnswer malformed(String reason) {
        return new SessionAnswer(null, Response.BAD_REQUEST, reason);
    }

    public boolean accepted() {
        return sdp != null;
    }
}
