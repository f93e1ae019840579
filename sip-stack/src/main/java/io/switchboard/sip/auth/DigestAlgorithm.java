package io.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The digest algorithms of RFC 7616 that SIP uses (RFC 8760): MD5, still what most phones send,
 * and SHA-256. The "-sess" variants are not supported: SIP deployments do not use them.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The name in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /**
     * The algorithm named by an {@code algorithm} parameter; an absent one means MD5 (RFC 7616 §3.3).
     *
     * @throws DigestException for an algorithm this implementation does not support
     */
    public static DigestAlgorithm fromToken(String token) throws DigestException {
        if (token == null) {
            return MD5;
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return algorithm;
            }
        }
        throw new DigestException("unsupported digest algorithm: " + token);
    }

    /** The lower-case hex digest of {@code text} in UTF-8, as RFC 7616's H() and KD() use it. */
    public String hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + jcaName, e);
        }
    }
}
