package io.switchboard.xmpp.tls;

import io.switchboard.core.tls.CertificateFingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.xmpp.CertificateTrust;

import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

class CertificateCheckTest {

    private static X509Certificate load(String name) throws Exception {
        try (InputStream in = CertificateCheckTest.class.getResourceAsStream("/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void pinnedAcceptsExactlyThePinnedCertificate() throws Exception {
        X509Certificate a = load("cert-a.pem");
        X509Certificate b = load("cert-b.pem");
        CertificateCheck check = new CertificateCheck(CertificateTrust.pinned(CertificateFingerprint.sha256(a)));

        check.trustManager().checkServerTrusted(new X509Certificate[] {a}, "ECDHE_ECDSA");
        assertThat(check.refusedFingerprint()).isEmpty();

        assertThatThrownBy(() -> check.trustManager().checkServerTrusted(new X509Certificate[] {b}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThat(check.refusedFingerprint()).contains(CertificateFingerprint.sha256(b));

        check.reset();
        assertThat(check.refusedFingerprint()).isEmpty();
    }

    @Test
    void systemTrustRefusesASelfSignedCertificateAndRemembersIt() throws Exception {
        X509Certificate a = load("cert-a.pem");
        CertificateCheck check = new CertificateCheck(CertificateTrust.system());

        assertThatThrownBy(() -> check.trustManager().checkServerTrusted(new X509Certificate[] {a}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThat(check.refusedFingerprint()).contains(CertificateFingerprint.sha256(a));
    }

    @Test
    void pinnedRefusesAnEmptyChainAndNeverTrustsClients() throws Exception {
        X509Certificate a = load("cert-a.pem");
        CertificateCheck check = new CertificateCheck(CertificateTrust.pinned(CertificateFingerprint.sha256(a)));

        assertThatThrownBy(() -> check.trustManager().checkServerTrusted(new X509Certificate[0], "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> check.trustManager().checkClientTrusted(new X509Certificate[] {a}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }
}
