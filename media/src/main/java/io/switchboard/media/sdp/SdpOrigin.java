package io.switchboard.media.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 4566 5.2). Kept as text: we only write our own and never interpret
 * the peer's numbers beyond checking their syntax.
 */
record SdpOrigin(String username, String sessionId, String sessionVersion, String addressType,
        String address) {

    SdpOrigin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
    }

    String text() {
        return username + " " + sessionId + " " + sessionVersion + " IN " + addressType + " " + address;
    }
}
