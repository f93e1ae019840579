package io.switchboard.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the media runtime is set up.
 *
 * @param ports          where RTP/RTCP may bind
 * @param stateDirectory where libjitsi keeps its own configuration and unpacked native libraries
 */
public record MediaSettings(RtpPortRange ports, Path stateDirectory) {

    public MediaSettings {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
    }
}
