package io.switchboard.deskphone;

import io.switchboard.core.model.Address;
import io.switchboard.media.MediaDirection;

import java.time.Instant;
import java.util.Optional;

/**
 * One call of a desk phone at one moment.
 *
 * @param callId         the SIP Call-ID
 * @param remote         the other party (the callee we dialled, the caller who called)
 * @param incoming       whether the other party called us
 * @param state          where the call is
 * @param heldHere       whether we put it on hold ourselves
 * @param mediaDirection our side's negotiated direction (e.g. {@code inactive} for a CTI gateway's
 *                       first offer), empty before any offer/answer completed
 * @param codec          the codec we send, empty before any offer/answer completed
 * @param autoAnswer     the delay the INVITE asked the phone to answer after, if it asked
 * @param hearing        what the phone's speaker hears now
 * @param receivedDigits the RFC 4733 digits received in this call so far
 * @param startedAt      when the call was placed or began to ring
 * @param endReason      why it ended ("" while it has not)
 */
public record DeskPhoneCall(
        String callId,
        Address remote,
        boolean incoming,
        PhoneCallState state,
        boolean heldHere,
        Optional<MediaDirection> mediaDirection,
        Optional<String> codec,
        Optional<java.time.Duration> autoAnswer,
        Hearing hearing,
        String receivedDigits,
        Instant startedAt,
        String endReason) {
}
