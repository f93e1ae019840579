package io.switchboard.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateCheckTest {

    @TempDir
    static Path dir;

    private static TestCertificates named;
    private static TestCertificates wildcard;

    @BeforeAll
    static void certificates() throws Exception {
        named = TestCertificates.generate(dir, "dns:sip.example.com,ip:127.0.0.1");
        wildcard = TestCertificates.generate(dir, "dns:*.example.org");
    }

    @Test
    void aCertificateTheSystemTrustsIsAcceptedForTheProxyOrTheDomainItNames() throws Exception {
        assertThat(accepts(named, List.of("sip.example.com"))).isTrue();
        assertThat(accepts(named, List.of("127.0.0.1"))).isTrue();
        assertThat(accepts(named, List.of("proxy.other.net", "SIP.Example.COM"))).isTrue();
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefusedWithItsFingerprint() throws Exception {
        ServerCertificateCheck check = new ServerCertificateCheck(SipTlsTrust.system(), List.of("sip.other.com"),
                named.asTrustAnchor());

        assertThatThrownBy(() -> check.checkServerTrusted(chain(named), "RSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("names none of [sip.other.com]");
        assertThat(check.refusedFingerprint()).contains(named.fingerprint());
    }

    @Test
    void aWildcardCoversExactlyOneLeftmostLabel() throws Exception {
        assertThat(accepts(wildcard, List.of("sip.example.org"))).isTrue();
        assertThat(accepts(wildcard, List.of("a.sip.example.org"))).isFalse();
        assertThat(accepts(wildcard, List.of("example.org"))).isFalse();
    }

    @Test
    void anUntrustedCertificateIsRefusedUntilTheUserAcceptsItsFingerprintWhateverItNames() throws Exception {
        ServerCertificateCheck refusing = new ServerCertificateCheck(SipTlsTrust.system(), List.of("sip.example.com"),
                wildcard.asTrustAnchor());
        assertThatThrownBy(() -> refusing.checkServerTrusted(chain(named), "RSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining(named.fingerprint());
        assertThat(refusing.refusedFingerprint()).contains(named.fingerprint());

        // pasted as a user might: lower case, no colons
        String pasted = named.fingerprint().replace(":", "").toLowerCase();
        ServerCertificateCheck accepting = new ServerCertificateCheck(
                SipTlsTrust.system().withTrustedFingerprint(pasted), List.of("elsewhere.net"), wildcard.asTrustAnchor());
        accepting.checkServerTrusted(chain(named), "RSA");
        assertThat(accepting.refusedFingerprint()).isEmpty();
    }

    @Test
    void clientCertificatesAreNeverAccepted() throws Exception {
        ServerCertificateCheck check = new ServerCertificateCheck(SipTlsTrust.system(), List.of("sip.example.com"),
                named.asTrustAnchor());
        assertThatThrownBy(() -> check.checkClientTrusted(chain(named), "RSA")).isInstanceOf(CertificateException.class);
    }

    @Test
    void aFingerprintThatIsNotSha256IsRefusedWithAReadableMessage() {
        assertThatThrownBy(() -> SipTlsTrust.system().withTrustedFingerprint("AB:CD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a SHA-256 fingerprint");
    }

    private static boolean accepts(TestCertificates certificate, List<String> names) throws Exception {
        ServerCertificateCheck check = new ServerCertificateCheck(SipTlsTrust.system(), names,
                certificate.asTrustAnchor());
        try {
            check.checkServerTrusted(chain(certificate), "RSA");
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static X509Certificate[] chain(TestCertificates certificate) throws Exception {
        return new X509Certificate[] {certificate.certificate()};
    }
}
