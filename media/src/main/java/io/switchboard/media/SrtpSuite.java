package io.switchboard.media;

import java.util.Optional;

/**
 * The SRTP crypto suites we offer and accept (RFC 4568 6.2), in our order of preference. Both
 * are AES-128 in counter mode with HMAC-SHA1: a 16-byte master key and a 14-byte master salt;
 * they differ in the length of the authentication tag on each RTP packet.
 */
public enum SrtpSuite {
    /** 80-bit tag: what RFC 4568 and most phones prefer. */
    AES_CM_128_HMAC_SHA1_80(10),
    /** 32-bit tag: saves 6 bytes per packet, accepted for phones that ask for it. */
    AES_CM_128_HMAC_SHA1_32(4);

    /** Master key plus master salt, the length of the inline key (RFC 4568 6.2.1). */
    public static final int KEY_AND_SALT_BYTES = 30;

    private final int authTagBytes;

    SrtpSuite(int authTagBytes) {
        this.authTagBytes = authTagBytes;
    }

    /** The RTP authentication tag each SRTP packet carries. */
    public int authTagBytes() {
        return authTagBytes;
    }

    /** The suite an {@code a=crypto} line names; names are case-sensitive (RFC 4568 9.2). */
    public static Optional<SrtpSuite> byName(String name) {
        for (SrtpSuite suite : values()) {
            if (suite.name().equals(name)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
