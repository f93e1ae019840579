package io.switchboard.media;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/** One call's audio: an RTP stream with its RTCP, started and changed by SDP offer/answer. */
public interface AudioSession extends AutoCloseable {

    /** Where the peer must send RTP (for our SDP's c= and m= lines); RTCP is the port above. */
    InetSocketAddress localRtp();

    /**
     * Starts sending and receiving as negotiated, or applies a renegotiation (re-INVITE: hold,
     * resume, another codec, the peer's new address). With {@link NegotiatedAudio#srtp()} keys the
     * stream is SRTP from the first packet, re-keyed when a renegotiation brings other keys, and
     * plain again if one brings none; received packets that fail SRTP authentication are dropped.
     *
     * @throws MediaException if the negotiated codec cannot be used here
     */
    void start(NegotiatedAudio negotiated) throws MediaException;

    /** Mute: keeps the stream (and its RTCP) running but sends no audio. */
    void setMuted(boolean muted);

    boolean isMuted();

    /**
     * Sends one DTMF digit as RFC 4733 telephone-event packets.
     *
     * @param digit 0–9, *, #, A–D
     * @throws IllegalArgumentException for another character
     * @throws IllegalStateException    if telephone-event was not negotiated
     */
    void sendDtmf(char digit);

    /** Calls {@code listener} with each RFC 4733 digit received, on a media thread. */
    void onDtmf(Consumer<Character> listener);

    /** The receive side's quality now. */
    CallQuality quality();

    /** Stops the stream and releases its ports. Idempotent. */
    @Override
    void close();
}
