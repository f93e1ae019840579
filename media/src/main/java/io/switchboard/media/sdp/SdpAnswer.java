package io.switchboard.media.sdp;

import io.switchboard.media.NegotiatedAudio;
import java.util.Objects;

/**
 * Our answer to a peer's offer: the text for the SIP body, and the audio stream it settles.
 *
 * @param sdp   the session description to send (application/sdp)
 * @param audio the stream as negotiated, from our side
 */
public record SdpAnswer(String sdp, NegotiatedAudio audio) {

    public SdpAnswer {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(audio, "audio");
    }
}
