package io.switchboard.sip.tls;

import io.switchboard.core.tls.CertificateFingerprint;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which server certificates a SIP account accepts over TLS: those the JVM's trust store vouches for
 * and that name the proxy or the SIP domain, plus exactly the certificates whose SHA-256
 * fingerprints the user accepted explicitly (a self-signed server certificate, after comparing its
 * fingerprint). There is deliberately no "trust everything".
 *
 * @param trustedFingerprints canonical SHA-256 fingerprints ({@link CertificateFingerprint#normalise})
 */
public record SipTlsTrust(Set<String> trustedFingerprints) {

    public SipTlsTrust {
        Set<String> canonical = new LinkedHashSet<>();
        for (String fingerprint : trustedFingerprints) {
            canonical.add(CertificateFingerprint.normalise(fingerprint));
        }
        trustedFingerprints = Set.copyOf(canonical);
    }

    /** The JVM's trust store only. */
    public static SipTlsTrust system() {
        return new SipTlsTrust(Set.of());
    }

    /** This trust and also the certificate with {@code sha256Fingerprint}, which the user accepted. */
    public SipTlsTrust withTrustedFingerprint(String sha256Fingerprint) {
        Set<String> more = new LinkedHashSet<>(trustedFingerprints);
        more.add(CertificateFingerprint.normalise(sha256Fingerprint));
        return new SipTlsTrust(more);
    }

    public boolean trusts(String sha256Fingerprint) {
        return trustedFingerprints.contains(sha256Fingerprint);
    }
}
