package io.switchboard.server.cti.calls;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our {@code o=} line on one leg of an anchored call (RFC 4566 5.2): one session id for the leg's
 * life, a version that rises with every description we send on it (RFC 3264 8), so a phone sees
 * one continuous session whichever other phone's media it describes.
 */
final class SdpOrigin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long sessionId = RANDOM.nextLong() >>> 1;
    private final AtomicLong version = new AtomicLong();
    private final String host;

    SdpOrigin(String host) {
        this.host = host;
    }

    String host() {
        return host;
    }

    String nextLine() {
        return "o=switchboard-cti " + sessionId + " " + version.incrementAndGet() + " IN IP4 " + host;
    }
}
