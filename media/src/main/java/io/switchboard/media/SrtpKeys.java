package io.switchboard.media;

import java.util.Objects;

/**
 * The SRTP keys an SDP exchange settled for one stream. Printing it shows the suite only.
 *
 * @param suite  the crypto suite both sides use
 * @param local  our key: we encrypt what we send with it (it went out in our SDP)
 * @param remote the peer's key: we decrypt what we receive with it (it came in the peer's SDP)
 */
public record SrtpKeys(SrtpSuite suite, SrtpKey local, SrtpKey remote) {

    public SrtpKeys {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }
}
