package io.switchboard.media.sdp;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes our audio m-line, for offers (every codec we have) and answers (the one chosen codec,
 * under the offerer's payload type numbers).
 */
final class LocalAudioMedia {

    static final String RTP_AVP = "RTP/AVP";

    /** RFC 7587 6.1: we decode in-band FEC, so we ask the peer to send it. */
    private static final String OPUS_FORMAT_PARAMETERS = "useinbandfec=1";
    /** RFC 4733 3: DTMF digits 0-9, *, #, A-D and flash. */
    private static final String TELEPHONE_EVENT_EVENTS = "0-16";

    /** A codec under the payload type this session uses for it. */
    record CodecPayload(AudioCodec codec, int payloadType) {
    }

    /** The telephone-event format: payload type and clock rate. */
    record TelephoneEvent(int payloadType, int clockRate) {
    }

    private LocalAudioMedia() {
    }

    static SdpMedia build(int rtpPort, String protocol, List<CodecPayload> codecs,
            Optional<TelephoneEvent> telephoneEvent, int packetTimeMillis, MediaDirection direction,
            List<CryptoAttribute> crypto) {
        List<String> formats = new ArrayList<>();
        List<SdpAttribute> attributes = new ArrayList<>();
        for (CodecPayload payload : codecs) {
            AudioCodec codec = payload.codec();
            formats.add(Integer.toString(payload.payloadType()));
            // rtpmap for static types too: RFC 3264 5.1 recommends it, and some peers need it.
            attributes.add(SdpAttribute.of("rtpmap", new RtpMap(payload.payloadType(), codec.encodingName(),
                    codec.clockRate(), codec.channels()).text()));
            if (codec == AudioCodec.OPUS) {
                attributes.add(SdpAttribute.of("fmtp", payload.payloadType() + " " + OPUS_FORMAT_PARAMETERS));
            }
        }
        telephoneEvent.ifPresent(event -> {
            formats.add(Integer.toString(event.payloadType()));
            attributes.add(SdpAttribute.of("rtpmap", new RtpMap(event.payloadType(), RtpMap.TELEPHONE_EVENT,
                    event.clockRate(), 1).text()));
            attributes.add(SdpAttribute.of("fmtp", event.payloadType() + " " + TELEPHONE_EVENT_EVENTS));
        });
        attributes.add(SdpAttribute.of("ptime", Integer.toString(packetTimeMillis)));
        // RFC 3605: say where RTCP goes even though it is the default, for NATs and middleboxes.
        attributes.add(SdpAttribute.of("rtcp", Integer.toString(rtpPort + 1)));
        crypto.forEach(line -> attributes.add(line.attribute()));
        attributes.add(SdpAttribute.property(direction.attribute()));
        return new SdpMedia("audio", rtpPort, protocol, formats, Optional.empty(), attributes);
    }

    /**
     * Every codec of ours under its default payload type, for an offer; with SRTP keys, in the
     * profile {@link SdesNegotiation#offeredProtocol} chooses for the policy.
     */
    static SdpMedia offer(int rtpPort, AudioCapabilities capabilities, MediaDirection direction, String protocol,
            List<CryptoAttribute> crypto) {
        List<CodecPayload> codecs = capabilities.codecs().stream()
                .map(codec -> new CodecPayload(codec, codec.defaultPayloadType()))
                .toList();
        Optional<TelephoneEvent> event = capabilities.telephoneEvent()
                ? Optional.of(new TelephoneEvent(capabilities.telephoneEventPayloadType(), 8_000))
                : Optional.empty();
        return build(rtpPort, protocol, codecs, event, capabilities.packetTimeMillis(), direction, crypto);
    }
}
