package io.switchboard.media;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an SDP offer/answer exchange settled for one audio stream, from the local side: where to
 * send RTP and RTCP, the one codec to send with its payload type, the RFC 4733
 * telephone-event payload type if both sides support it, the direction, and the SRTP keys when
 * the stream is encrypted.
 *
 * @param remoteRtp          the peer's RTP address (c= and m= port)
 * @param remoteRtcp         the peer's RTCP address (a=rtcp, RFC 3605, else RTP port + 1)
 * @param codec              the codec to send
 * @param payloadType        its payload type in this session (the offerer's numbering)
 * @param telephoneEvent     the telephone-event payload type, or empty if DTMF is not negotiated
 * @param direction          the local direction (our sendonly when we hold the call)
 * @param packetTimeMillis   the frame length to send (a=ptime, default 20)
 * @param srtp               the SRTP suite and keys (RFC 4568), or empty for plain RTP
 */
public record NegotiatedAudio(
        InetSocketAddress remoteRtp,
        InetSocketAddress remoteRtcp,
        AudioCodec codec,
        int payloadType,
        OptionalInt telephoneEvent,
        MediaDirection direction,
        int packetTimeMillis,
        Optional<SrtpKeys> srtp) {

    /** Plain RTP, no SRTP keys. */
    public NegotiatedAudio(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, AudioCodec codec,
            int payloadType, OptionalInt telephoneEvent, MediaDirection direction, int packetTimeMillis) {
        this(remoteRtp, remoteRtcp, codec, payloadType, telephoneEvent, direction, packetTimeMillis, Optional.empty());
    }

    public NegotiatedAudio {
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(remoteRtp, "remoteRtp");
        Objects.requireNonNull(remoteRtcp, "remoteRtcp");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(telephoneEvent, "telephoneEvent");
        Objects.requireNonNull(direction, "direction");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        if (packetTimeMillis <= 0) {
            throw new IllegalArgumentException("packet time must be positive: " + packetTimeMillis);
        }
    }

    /** The same stream encrypted with these keys, or plain when {@code keys} is empty. */
    public NegotiatedAudio withSrtp(Optional<SrtpKeys> keys) {
        return new NegotiatedAudio(remoteRtp, remoteRtcp, codec, payloadType, telephoneEvent, direction,
                packetTimeMillis, keys);
    }
}
