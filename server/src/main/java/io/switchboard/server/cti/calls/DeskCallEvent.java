package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;

/**
 * Something that happened to a call of a desk line, in the terms of CSTA's call model (ECMA-269):
 * the CTI session turns it into the matching CSTA event for the line's monitors.
 *
 * @param line    the desk line (the account its phone registers as)
 * @param callId  the call's id at the gateway, the CSTA callID
 * @param calling who is calling (the line's owner for calls made from the line)
 * @param called  who is called (the line's owner for calls to the line)
 * @param incoming whether the call came in to the line
 */
public record DeskCallEvent(Kind kind, String line, String callId, Address calling, Address called, Cause cause,
                            boolean incoming) {

    /** The other party: the one called from the line, or the caller of an incoming call. */
    public Address far() {
        return incoming ? calling : called;
    }

    /** The CSTA event this is. */
    public enum Kind {
        /** The phone went off-hook for a call the user asked for (MakeCall). */
        SERVICE_INITIATED,
        /** The call left the phone towards the called party. */
        ORIGINATED,
        /** The called party is ringing; for an incoming call: the desk phone is. */
        DELIVERED,
        /** Both ends talk. */
        ESTABLISHED,
        HELD,
        RETRIEVED,
        /** The far end was handed to another party (transfer). */
        TRANSFERRED,
        /** The call could not go on: {@link #cause()} says why. */
        FAILED,
        /** The call is over for the line. */
        CLEARED
    }

    /** Why, in CSTA's event cause terms. */
    public enum Cause {
        NEW_CALL,
        MAKE_CALL,
        NORMAL_CLEARING,
        BUSY,
        NO_ANSWER,
        CALL_REJECTED,
        DESTINATION_NOT_OBTAINABLE,
        NETWORK_NOT_OBTAINABLE,
        SINGLE_STEP_TRANSFER,
        TRANSFER,
        CONSULTATION,
        NORMAL
    }
}
