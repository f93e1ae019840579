package io.switchboard.media.sdp;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.SrtpPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The offerer's side of RFC 3264 7: reads the answer to our offer and settles the audio stream.
 * The codec is the first of the answer's formats that we offered; payload types are the
 * answer's; our direction is the answer's reversed, never more than we offered; the SRTP keys
 * are the offered ones the answer picks ({@link SdesNegotiation#readAnswer}). Stateless.
 */
final class AnswerReader {

    NegotiatedAudio read(SdpOffer ourOffer, SdpDescription answer) throws SdpException {
        return read(ourOffer.description(), answer, ourOffer.capabilities(), ourOffer.offeredKeys(),
                ourOffer.srtpPolicy());
    }

    /** The answer to a plain RTP offer. */
    NegotiatedAudio read(SdpDescription offer, SdpDescription answer, AudioCapabilities capabilities)
            throws SdpException {
        return read(offer, answer, capabilities, List.of(), SrtpPolicy.OFF);
    }

    private NegotiatedAudio read(SdpDescription offer, SdpDescription answer, AudioCapabilities capabilities,
            List<CryptoAttribute> offeredKeys, SrtpPolicy srtpPolicy) throws SdpException {
        if (answer.media().size() != offer.media().size()) {
            throw new MalformedSdpException("the answer has " + answer.media().size()
                    + " m-lines but the offer had " + offer.media().size() + " (RFC 3264 6)");
        }
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            SdpMedia offered = offer.media().get(i);
            SdpMedia answered = answer.media().get(i);
            if (!answered.type().equalsIgnoreCase(offered.type())) {
                throw new MalformedSdpException(SdpMedia.label(i, answered) + " of the answer answers "
                        + SdpMedia.label(i, offered) + " of the offer (RFC 3264 6)");
            }
            if (!offered.isAudio() || offered.isRejected() || !offered.isRtp()) {
                continue;
            }
            if (answered.isRejected()) {
                refusals.add(SdpMedia.label(i, answered) + " was rejected with port 0");
                continue;
            }
            RtpStreamDescription ours = RtpStreamDescription.of(offer, i);
            RtpStreamDescription theirs = RtpStreamDescription.of(answer, i);
            NegotiatedAudio audio = settle(ours, offer.directionOf(offered), theirs, capabilities);
            if (audio != null) {
                return audio.withSrtp(SdesNegotiation.readAnswer(offeredKeys, srtpPolicy, answered,
                        SdpMedia.label(i, answered)));
            }
            refusals.add(SdpMedia.label(i, answered) + " has no codec we offered: " + theirs.describeFormats());
        }
        throw new UnacceptableSdpException(refusals.isEmpty()
                ? "the offer had no audio stream to answer"
                : "the answer accepts no audio stream we can use (" + String.join("; ", refusals) + ")");
    }

    private static NegotiatedAudio settle(RtpStreamDescription ours, MediaDirection offeredDirection,
            RtpStreamDescription theirs, AudioCapabilities capabilities) throws UnacceptableSdpException {
        Set<AudioCodec> offeredCodecs = new HashSet<>();
        for (int payloadType : ours.payloadTypes()) {
            ours.codec(payloadType).ifPresent(offeredCodecs::add);
        }
        for (int payloadType : theirs.payloadTypes()) {
            AudioCodec codec = theirs.codec(payloadType).orElse(null);
            if (codec != null && offeredCodecs.contains(codec) && capabilities.supports(codec)) {
                MediaDirection direction = theirs.direction().reversed().and(offeredDirection);
                return new NegotiatedAudio(theirs.rtpAddress(), theirs.rtcpAddress(), codec, payloadType,
                        telephoneEvent(ours, theirs, codec, capabilities), direction,
                        theirs.packetTime().orElse(capabilities.packetTimeMillis()));
            }
        }
        return null;
    }

    /** The answer's telephone-event, if we offered one at the same clock rate. */
    private static OptionalInt telephoneEvent(RtpStreamDescription ours, RtpStreamDescription theirs,
            AudioCodec codec, AudioCapabilities capabilities) {
        if (!capabilities.telephoneEvent()) {
            return OptionalInt.empty();
        }
        for (int clockRate : new int[] {codec.clockRate(), 8_000}) {
            if (ours.telephoneEvent(clockRate).isPresent() && theirs.telephoneEvent(clockRate).isPresent()) {
                return theirs.telephoneEvent(clockRate);
            }
        }
        return OptionalInt.empty();
    }
}
