package io.switchboard.media.sdp;

import io.switchboard.media.MediaDirection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description as we read or write it: origin, session name, session-level connection
 * and attributes, and the media descriptions in order. Times ({@code t=}) are always
 * {@code 0 0} for SIP sessions (RFC 3264 5) and are not kept.
 */
record SdpDescription(SdpOrigin origin, String sessionName, Optional<SdpConnection> connection,
        List<SdpAttribute> attributes, List<SdpMedia> media) {

    SdpDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(connection, "connection");
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The connection a stream uses: its own c= line, else the session's (RFC 4566 5.7). */
    Optional<SdpConnection> connectionOf(SdpMedia stream) {
        return stream.connection().or(() -> connection);
    }

    /**
     * The direction a stream's writer declares: its own attribute, else a session-level one,
     * else sendrecv (RFC 3264 5.1).
     */
    MediaDirection directionOf(SdpMedia stream) {
        return declaredDirection(stream.attributes())
                .or(() -> declaredDirection(attributes))
                .orElse(MediaDirection.SENDRECV);
    }

    private static Optional<MediaDirection> declaredDirection(List<SdpAttribute> attributes) {
        for (SdpAttribute attribute : attributes) {
            if (attribute.value().isEmpty()) {
                for (MediaDirection direction : MediaDirection.values()) {
                    if (direction.attribute().equals(attribute.name().toLowerCase(Locale.ROOT))) {
                        return Optional.of(direction);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
