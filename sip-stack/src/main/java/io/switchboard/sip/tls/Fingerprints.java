package io.switchboard.sip.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 certificate fingerprints in the form people compare and the server logs
 * ({@code AB:CD:...}, 32 bytes). The same form as the XMPP module's, so one fingerprint the user
 * accepted means the same certificate for both protocols (a protocol module may not use the other's class).
 */
public final class Fingerprints {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-F]{64}");

    private Fingerprints() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A fingerprint as a user may paste it (any case; colons, spaces or nothing between bytes), canonical. */
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
