package io.switchboard.media.sdp;

import io.switchboard.media.AudioCodec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What this side can do for one audio stream: the codecs in our order of preference, whether we
 * send and receive RFC 4733 telephone-events (DTMF) and under which dynamic payload type we offer
 * them, and the packet time we ask the peer to send (a=ptime).
 *
 * @param codecs                     codecs in preference order, at least one, no duplicates
 * @param telephoneEvent             whether to offer and accept RFC 4733 telephone-event/8000
 * @param telephoneEventPayloadType  the dynamic payload type we offer it under (96..127)
 * @param packetTimeMillis           the a=ptime we ask for (RFC 4566 6)
 */
public record AudioCapabilities(
        List<AudioCodec> codecs,
        boolean telephoneEvent,
        int telephoneEventPayloadType,
        int packetTimeMillis) {

    /** The payload type most softphones use for telephone-event, so we use it too. */
    public static final int DEFAULT_TELEPHONE_EVENT_PAYLOAD_TYPE = 101;
    public static final int DEFAULT_PACKET_TIME_MILLIS = 20;

    public AudioCapabilities {
        Objects.requireNonNull(codecs, "codecs");
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("at least one codec is needed");
        }
        if (new LinkedHashSet<>(codecs).size() != codecs.size()) {
            throw new IllegalArgumentException("codec listed twice: " + codecs);
        }
        if (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException(
                    "telephone-event needs a dynamic payload type (96..127), not " + telephoneEventPayloadType);
        }
        for (AudioCodec codec : codecs) {
            if (codec.defaultPayloadType() == telephoneEventPayloadType) {
                throw new IllegalArgumentException("payload type " + telephoneEventPayloadType
                        + " is already " + codec + "'s");
            }
        }
        if (packetTimeMillis <= 0 || packetTimeMillis > 200) {
            throw new IllegalArgumentException("packet time out of range 1..200 ms: " + packetTimeMillis);
        }
    }

    /** Opus, PCMU, PCMA and telephone-event on 101, 20 ms packets. */
    public static AudioCapabilities defaults() {
        return new AudioCapabilities(List.of(AudioCodec.OPUS, AudioCodec.PCMU, AudioCodec.PCMA),
                true, DEFAULT_TELEPHONE_EVENT_PAYLOAD_TYPE, DEFAULT_PACKET_TIME_MILLIS);
    }

    /** These codecs in this order, with telephone-event on 101 and 20 ms packets. */
    public static AudioCapabilities of(AudioCodec... codecs) {
        return new AudioCapabilities(List.of(codecs), true, DEFAULT_TELEPHONE_EVENT_PAYLOAD_TYPE,
                DEFAULT_PACKET_TIME_MILLIS);
    }

    public AudioCapabilities withoutTelephoneEvent() {
        return new AudioCapabilities(codecs, false, telephoneEventPayloadType, packetTimeMillis);
    }

    public AudioCapabilities withPacketTime(int millis) {
        return new AudioCapabilities(codecs, telephoneEvent, telephoneEventPayloadType, millis);
    }

    public boolean supports(AudioCodec codec) {
        return codecs.contains(codec);
    }
}
