package io.switchboard.media.sdp;

import io.switchboard.media.SrtpKey;
import io.switchboard.media.SrtpSuite;
import java.util.Objects;

/**
 * A usable {@code a=crypto} line (RFC 4568): its tag, one of our suites, and the single inline
 * key with neither MKI nor session parameters. Lines we cannot use never become one of these
 * (see {@link CryptoAttributes}). Printing it does not show the key.
 *
 * @param tag   1..999999999, names the line; the answer repeats the tag it accepts (RFC 4568 6.1)
 * @param suite the crypto suite
 * @param key   the master key and salt the line's writer encrypts with
 */
record CryptoAttribute(int tag, SrtpSuite suite, SrtpKey key) {

    static final String NAME = "crypto";
    static final int MAX_TAG = 999_999_999;

    CryptoAttribute {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(key, "key");
        if (tag < 0 || tag > MAX_TAG) {
            throw new IllegalArgumentException("crypto tag out of range 0..999999999: " + tag);
        }
    }

    /** A fresh key for this tag and suite. */
    static CryptoAttribute fresh(int tag, SrtpSuite suite) {
        return new CryptoAttribute(tag, suite, SrtpKey.generate());
    }

    /** Our line: {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<base64>}, no lifetime, no MKI. */
    SdpAttribute attribute() {
        return SdpAttribute.of(NAME, tag + " " + suite.name() + " inline:" + key.base64());
    }
}
