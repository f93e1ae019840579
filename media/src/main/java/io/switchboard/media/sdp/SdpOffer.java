package io.switchboard.media.sdp;

import io.switchboard.media.MediaDirection;
import io.switchboard.media.SrtpPolicy;
import java.util.List;
import java.util.Objects;

/**
 * An offer we made: its text for the SIP body, and what we need to read the answer to it.
 */
public final class SdpOffer {

    private final String sdp;
    private final SdpDescription description;
    private final MediaDirection direction;
    private final AudioCapabilities capabilities;
    private final SrtpPolicy srtpPolicy;
    private final List<CryptoAttribute> offeredKeys;

    SdpOffer(String sdp, SdpDescription description, MediaDirection direction, AudioCapabilities capabilities,
            SrtpPolicy srtpPolicy, List<CryptoAttribute> offeredKeys) {
        this.srtpPolicy = Objects.requireNonNull(srtpPolicy, "srtpPolicy");
        this.offeredKeys = List.copyOf(offeredKeys);
        this.sdp = Objects.requireNonNull(sdp, "sdp");
        this.description = Objects.requireNonNull(description, "description");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * The session description to send (application/sdp). With SRTP it holds our keys: send it
     * over TLS only, and do not log it.
     */
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

    SrtpPolicy srtpPolicy() {
        return srtpPolicy;
    }

    /** Our a=crypto lines, whose keys we send with once the answer picks one. */
    List<CryptoAttribute> offeredKeys() {
        return offeredKeys;
    }

    @Override
    public String toString() {
        return "SdpOffer[version=" + version() + ", direction=" + direction + "]";
    }
}
