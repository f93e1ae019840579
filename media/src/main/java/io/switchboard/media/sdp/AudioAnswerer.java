package io.switchboard.media.sdp;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.SrtpKeys;
import io.switchboard.media.SrtpPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answerer's side of RFC 3264 6 for one audio stream: takes the first audio m-line we can
 * use, picks the codec the offerer prefers among ours (6.1), keeps the offerer's payload types,
 * and answers every other m-line with port 0 so the answer has the offer's m-lines in the
 * offer's order. SRTP keys are settled by {@link SdesNegotiation} under the call's policy.
 * Stateless.
 */
final class AudioAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(AudioAnswerer.class);

    /** The answer's m-lines and what they settle for our audio stream. */
    record Result(List<SdpMedia> media, NegotiatedAudio audio) {
    }

    /**
     * @param previousKeys the keys of our previous answer in this call, kept if the offerer's are
     */
    Result answer(SdpDescription offer, AudioCapabilities capabilities, int localRtpPort,
            MediaDirection wanted, SrtpPolicy srtpPolicy, Optional<SrtpKeys> previousKeys) throws SdpException {
        List<SdpMedia> answer = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        NegotiatedAudio audio = null;
        for (int i = 0; i < offer.media().size(); i++) {
            SdpMedia media = offer.media().get(i);
            Optional<String> refusal = refusal(media);
            if (refusal.isEmpty() && audio != null) {
                refusal = Optional.of("an earlier audio stream is already taken; we use one");
            }
            SdesNegotiation.Answer srtp = null;
            if (refusal.isEmpty()) {
                srtp = SdesNegotiation.answer(media, SdpMedia.label(i, media), srtpPolicy, previousKeys);
                if (srtp instanceof SdesNegotiation.Answer.Refused refused) {
                    refusal = Optional.of(refused.reason());
                }
            }
            if (refusal.isEmpty()) {
                RtpStreamDescription stream = RtpStreamDescription.of(offer, i);
                Optional<Result> accepted = accept(stream, capabilities, localRtpPort, wanted, srtp);
                if (accepted.isPresent()) {
                    answer.add(accepted.get().media().get(0));
                    audio = accepted.get().audio();
                    continue;
                }
                refusal = Optional.of("no codec in common: offered " + stream.describeFormats()
                        + ", we have " + names(capabilities));
            }
            LOG.debug("Rejecting {}: {}", SdpMedia.label(i, media), refusal.get());
            refusals.add(SdpMedia.label(i, media) + ": " + refusal.get());
            answer.add(media.rejected());
        }
        if (audio == null) {
            throw new UnacceptableSdpException(offer.media().isEmpty()
                    ? "the offer has no media streams; an audio stream is needed"
                    : "no usable audio stream in the offer (" + String.join("; ", refusals) + ")");
        }
        return new Result(answer, audio);
    }

    /** Why we do not even look at this m-line's codecs, if we do not. */
    private static Optional<String> refusal(SdpMedia media) {
        if (!media.isAudio()) {
            return Optional.of("not audio");
        }
        if (media.isRejected()) {
            return Optional.of("port 0, the offerer disabled it");
        }
        String protocol = media.protocol().toUpperCase(Locale.ROOT);
        if (!protocol.equals(LocalAudioMedia.RTP_AVP) && !protocol.equals(SdesNegotiation.RTP_SAVP)) {
            return Optional.of("transport " + media.protocol() + " is not supported, only RTP/AVP and RTP/SAVP");
        }
        return Optional.empty();
    }

    private static Optional<Result> accept(RtpStreamDescription stream, AudioCapabilities capabilities,
            int localRtpPort, MediaDirection wanted, SdesNegotiation.Answer srtp) throws UnacceptableSdpException {
        for (int payloadType : stream.payloadTypes()) {
            Optional<AudioCodec> codec = stream.codec(payloadType);
            if (codec.isPresent() && capabilities.supports(codec.get())) {
                return Optional.of(settle(stream, capabilities, localRtpPort, wanted,
                        new LocalAudioMedia.CodecPayload(codec.get(), payloadType), srtp));
            }
        }
        return Optional.empty();
    }

    private static Result settle(RtpStreamDescription stream, AudioCapabilities capabilities,
            int localRtpPort, MediaDirection wanted, LocalAudioMedia.CodecPayload chosen,
            SdesNegotiation.Answer srtp) throws UnacceptableSdpException {
        Optional<LocalAudioMedia.TelephoneEvent> event = capabilities.telephoneEvent()
                ? telephoneEvent(stream, chosen.codec())
                : Optional.empty();
        // RFC 3264 6.1: what the offerer sends we receive; then only what we want ourselves.
        MediaDirection direction = stream.direction().reversed().and(wanted);
        // RFC 4568 6.1: the answer keeps the offer's profile, and repeats the accepted tag with our key
        List<CryptoAttribute> crypto = srtp instanceof SdesNegotiation.Answer.Encrypted encrypted
                ? List.of(encrypted.line())
                : List.of();
        Optional<SrtpKeys> keys = srtp instanceof SdesNegotiation.Answer.Encrypted encrypted
                ? Optional.of(encrypted.keys())
                : Optional.empty();
        SdpMedia media = LocalAudioMedia.build(localRtpPort, stream.media().protocol(), List.of(chosen), event,
                capabilities.packetTimeMillis(), direction, crypto);
        NegotiatedAudio audio = new NegotiatedAudio(stream.rtpAddress(), stream.rtcpAddress(), chosen.codec(),
                chosen.payloadType(),
                event.map(e -> OptionalInt.of(e.payloadType())).orElse(OptionalInt.empty()),
                direction, stream.packetTime().orElse(capabilities.packetTimeMillis()), keys);
        return new Result(List.of(media), audio);
    }

    /**
     * telephone-event at the chosen codec's clock rate (RFC 4733 2.1: events share the audio's
     * timestamp clock), else at 8000 Hz, which most Opus peers offer and accept anyway.
     */
    private static Optional<LocalAudioMedia.TelephoneEvent> telephoneEvent(RtpStreamDescription stream,
            AudioCodec codec) {
        for (int clockRate : new int[] {codec.clockRate(), 8_000}) {
            OptionalInt payloadType = stream.telephoneEvent(clockRate);
            if (payloadType.isPresent()) {
                return Optional.of(new LocalAudioMedia.TelephoneEvent(payloadType.getAsInt(), clockRate));
            }
        }
        return Optional.empty();
    }

    private static List<String> names(AudioCapabilities capabilities) {
        return capabilities.codecs().stream().map(c -> c.encodingName() + "/" + c.clockRate()).toList();
    }
}
