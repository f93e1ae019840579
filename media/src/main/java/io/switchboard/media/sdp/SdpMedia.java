package io.switchboard.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One media description: the {@code m=} line (RFC 4566 5.14), its own {@code c=} line if any,
 * and its attributes in the order written.
 *
 * @param type       {@code audio}, {@code video}, {@code application}...
 * @param port       the transport port; 0 marks a rejected or disabled stream (RFC 3264 6)
 * @param protocol   {@code RTP/AVP}, {@code RTP/SAVP}...
 * @param formats    the format list; payload type numbers for RTP profiles
 * @param connection this stream's {@code c=} line, else the session's applies
 * @param attributes this stream's {@code a=} lines
 */
record SdpMedia(String type, int port, String protocol, List<String> formats,
        Optional<SdpConnection> connection, List<SdpAttribute> attributes) {

    SdpMedia {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
        Objects.requireNonNull(connection, "connection");
        attributes = List.copyOf(attributes);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The answer to a stream we do not take: same type, protocol and formats, port 0. */
    SdpMedia rejected() {
        return new SdpMedia(type, 0, protocol, formats, Optional.empty(), List.of());
    }

    boolean isRejected() {
        return port == 0;
    }

    boolean isAudio() {
        return type.equalsIgnoreCase("audio");
    }

    /** Whether the format list holds RTP payload types (RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF...). */
    boolean isRtp() {
        return isRtpProtocol(protocol);
    }

    static boolean isRtpProtocol(String protocol) {
        return protocol.toUpperCase(Locale.ROOT).contains("RTP/");
    }

    /** The values of every attribute with this name (case-insensitive), in order. */
    List<String> values(String name) {
        return attributes.stream()
                .filter(a -> a.name().equalsIgnoreCase(name))
                .map(a -> a.value().orElse(""))
                .toList();
    }

    boolean hasProperty(String name) {
        return attributes.stream().anyMatch(a -> a.name().equalsIgnoreCase(name));
    }

    /** A short label for messages: {@code m-line 2 (video)}. */
    static String label(int index, SdpMedia media) {
        return "m-line " + (index + 1) + " (" + media.type() + ")";
    }
}
