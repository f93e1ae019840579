package io.switchboard.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code a=} line: a property ({@code a=sendonly}, no value) or a value attribute
 * ({@code a=rtpmap:0 PCMU/8000}). Attributes we do not interpret are kept as they are, so that
 * later features (a=crypto for SRTP, RFC 4568) are just more attributes.
 */
record SdpAttribute(String name, Optional<String> value) {

    SdpAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    static SdpAttribute property(String name) {
        return new SdpAttribute(name, Optional.empty());
    }

    static SdpAttribute of(String name, String value) {
        return new SdpAttribute(name, Optional.of(value));
    }

    /** The line without {@code a=}. */
    String text() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
