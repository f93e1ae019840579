package io.switchboard.sip.call;

import javax.sip.message.Response;

/**
 * Why a call ended or never started, with the SIP status behind it (0 when none was involved), so
 * the UI can say "Busy", "Declined", "No answer" rather than a number.
 *
 * @param reason why
 * @param status the final status received or sent, or 0
 * @param phrase its reason phrase, or a short explanation
 */
public record CallEnd(Reason reason, int status, String phrase) {

    public enum Reason {
        /** This side hung up (BYE sent) or cancelled while it rang (CANCEL sent). */
        HUNG_UP,
        /** The other side hung up (BYE received) or gave up ringing (CANCEL received). */
        REMOTE_HUNG_UP,
        /** 486 Busy Here / 600 Busy Everywhere. */
        BUSY,
        /** 603 Decline. */
        DECLINED,
        /** 404 / 604: no such user. */
        NOT_FOUND,
        /** 480: the user exists but no device is registered. */
        UNAVAILABLE,
        /** No answer before our ring timeout (we cancelled), or 408. */
        NO_ANSWER,
        /** 488 / 606: no common codec or media the other side accepts. */
        NOT_ACCEPTABLE,
        /** Anything else: the status tells. */
        FAILED
    }

    /** The end a final non-2xx response to our INVITE means. */
    public static CallEnd fromFinalResponse(int status, String phrase) {
        Reason reason = switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> Reason.BUSY;
            case Response.DECLINE -> Reason.DECLINED;
            case Response.NOT_FOUND, Response.DOES_NOT_EXIST_ANYWHERE -> Reason.NOT_FOUND;
            case Response.TEMPORARILY_UNAVAILABLE -> Reason.UNAVAILABLE;
            case Response.REQUEST_TIMEOUT -> Reason.NO_ANSWER;
            case Response.REQUEST_TERMINATED -> Reason.HUNG_UP;
            case Response.NOT_ACCEPTABLE_HERE, Response.SESSION_NOT_ACCEPTABLE -> Reason.NOT_ACCEPTABLE;
            default -> Reason.FAILED;
        };
        return new CallEnd(reason, status, phrase == null ? "" : phrase);
    }

    public static CallEnd of(Reason reason, String explanation) {
        return new CallEnd(reason, 0, explanation);
    }
}
