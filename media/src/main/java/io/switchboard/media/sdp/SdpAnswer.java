package io.switchboard.media.sdp;

import io.switchboard.media.NegotiatedAudio;
import java.util.Objects;

/**
 * Our answer to a peer's offer: the text for the SIP body, and the audio stream it settles.
 *
 * @param sdp   the session description to send (application/sdp); with SRTP it holds our key, so
 *              it goes over TLS only and is not logged ({@link #toString()} leaves it out)
 * @param audio the stream as negotiated, from our side
 */
public record SdpAnswer(String sdp, NegotiatedAudio audio) {

    public SdpAnswer {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(audio, "audio");
    }

    @Override
    public String toString() {
        return "SdpAnswer[audio=" + audio + "]";
    }
}
