package io.switchboard.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    @Test
    void sha256IsColonSeparatedUpperCaseHex() {
        // SHA-256("abc") from FIPS 180-2
        assertThat(CertificateFingerprint.sha256("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(
                "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD");
    }

    @Test
    void normalisesWhatAUserPastes() {
        String canonical = CertificateFingerprint.sha256(new byte[] {1, 2, 3});
        assertThat(CertificateFingerprint.normalise(canonical.toLowerCase())).isEqualTo(canonical);
        assertThat(CertificateFingerprint.normalise(canonical.replace(":", ""))).isEqualTo(canonical);
        assertThat(CertificateFingerprint.normalise(canonical.replace(":", " "))).isEqualTo(canonical);
    }

    @Test
    void rejectsWhatIsNotASha256Fingerprint() {
        assertThatThrownBy(() -> CertificateFingerprint.normalise("AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.normalise("ZZ".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.normalise(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
