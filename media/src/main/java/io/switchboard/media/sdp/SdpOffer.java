package io.switchboard.media.sdp;

import io.switchboard.media.MediaDirection;
import java.util.Objects;

/**
 * An offer we made: its text for the SIP body, and what we need to read the answer to it.
 */
public final class SdpOffer {

    private final String sdp;
    private final SdpDescription description;
    private final MediaDirection direction;
    private final AudioCapabilities capabilities;

    SdpOffer(String sdp, SdpDescription description, MediaDirection direction, AudioCapabilities capabilities) {
        this.sdp = Objects.requireNonNull(sdp, "sdp");
        this.description = Objects.requireNonNull(description, "description");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /** The session description to send (application/sdp). */
    public String sdp() {
        return sdp;
    }

    /** The direction we offered, from our side. */
    public MediaDirection direction() {
        return direction;
    }

    /** The o= version this offer carries. */
    public long version() {
        return Long.parseLong(description.origin().sessionVersion());
    }

    SdpDescription description() {
        return description;
    }

    AudioCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public String toString() {
        return "SdpOffer[version=" + version() + ", direction=" + direction + "]";
    }
}
