package io.switchboard.core.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 fingerprints of certificates in the form people compare: {@code AB:CD:...} (32 bytes). */
public final class CertificateFingerprint {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-F]{64}");

    private CertificateFingerprint() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static String sha256(byte[] derEncoded) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(derEncoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Accepts a fingerprint as a user may paste it (any case, with colons, spaces or nothing
     * between the bytes) and returns the canonical form.
     */
    public static String normalise(String fingerprint) {
        if (fingerprint == null) {
            throw new IllegalArgumentException("fingerprint is missing");
        }
        String hex = fingerprint.replaceAll("[:\\s-]", "").toUpperCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("'" + fingerprint + "' is not a SHA-256 fingerprint (64 hex digits)");
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(hex));
    }
}
