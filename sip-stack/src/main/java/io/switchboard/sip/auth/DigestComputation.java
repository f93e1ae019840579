package io.switchboard.sip.auth;

/**
 * The request-digest of RFC 7616 §3.4.1 (RFC 2617 §3.2.2.1) for qop "auth" and for the RFC 2069
 * form without qop. Pure functions.
 */
final class DigestComputation {

    private DigestComputation() {
    }

    /**
     * @param qop null for an RFC 2069 response, otherwise "auth" (then nonceCount and cnonce are needed)
     */
    static String requestDigest(DigestAlgorithm algorithm, String ha1Hex, String nonce, String nonceCount,
                                String cnonce, String qop, String method, String uri) {
        String ha2 = algorithm.hex(method + ":" + uri);
        String data = qop == null
                ? nonce + ":" + ha2
                : nonce + ":" + nonceCount + ":" + cnonce + ":" + qop + ":" + ha2;
        return algorithm.hex(ha1Hex + ":" + data);
    }
}
