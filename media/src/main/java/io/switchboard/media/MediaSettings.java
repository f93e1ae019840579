package io.switchboard.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the media runtime is set up.
 *
 * @param ports          where RTP/RTCP may bind
 * @param stateDirectory where libjitsi keeps its own configuration and unpacked native libraries
 * @param soundCards     whether to open the operating system's audio systems (PulseAudio,
 *                       PortAudio...); false for servers, CI and tests, where only the
 *                       tone/WAV sources and recording sinks are used
 */
public record MediaSettings(RtpPortRange ports, Path stateDirectory, boolean soundCards) {

    public MediaSettings {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
    }
}
