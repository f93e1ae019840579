package io.switchboard.xmpp;

import io.switchboard.core.tls.CertificateFingerprint;

/**
 * Which server certificates a session accepts. There is deliberately no "trust all": a
 * certificate the system does not trust is accepted only after the user compared and pinned
 * its fingerprint.
 */
public sealed interface CertificateTrust {

    /** The JVM's trust store, with the server's name checked against the certificate (RFC 6125). */
    static CertificateTrust system() {
        return SystemTrust.INSTANCE;
    }

    /** Exactly the certificate with this SHA-256 fingerprint, which the user explicitly accepted. */
    static CertificateTrust pinned(String sha256Fingerprint) {
        return new Pinned(sha256Fingerprint);
    }

    enum SystemTrust implements CertificateTrust {
        INSTANCE
    }

    /** The fingerprint is kept normalised (colon-separated upper-case hex) so comparison is exact. */
    record Pinned(String sha256Fingerprint) implements CertificateTrust {
        public Pinned {
            sha256Fingerprint = CertificateFingerprint.normalise(sha256Fingerprint);
        }
    }
}
