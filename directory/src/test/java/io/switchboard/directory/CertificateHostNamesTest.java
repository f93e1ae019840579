package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host names against certificates (RFC 6125 rules, RFC 4513's CN fallback). */
class CertificateHostNamesTest {

    @TempDir
    static Path keyStores;

    private static X509Certificate named;
    private static X509Certificate wildcard;
    private static X509Certificate cnOnly;

    @BeforeAll
    static void makeCertificates() {
        named = TestCertificates.selfSigned(keyStores, "ldap.example.test", List.of("ldap.example.test",
                "directory.example.test"), List.of("192.0.2.10", "2001:db8::10")).certificate();
        wildcard = TestCertificates.selfSigned(keyStores, "wildcard", List.of("*.corp.example.test"), List.of())
                .certificate();
        cnOnly = TestCertificates.selfSigned(keyStores, "old.example.test", List.of(), List.of()).certificate();
    }

    @Test
    void aNameInTheCertificateMatchesWhateverItsCase() {
        assertThatCode(() -> CertificateHostNames.check("ldap.example.test", named)).doesNotThrowAnyException();
        assertThatCode(() -> CertificateHostNames.check("Directory.Example.TEST", named)).doesNotThrowAnyException();
        assertThatCode(() -> CertificateHostNames.check("ldap.example.test.", named)).doesNotThrowAnyException();
    }

    @Test
    void anotherNameDoesNotMatch() {
        assertThatThrownBy(() -> CertificateHostNames.check("evil.example.test", named))
                .isInstanceOf(CertificateException.class).hasMessageContaining("evil.example.test");
        assertThatThrownBy(() -> CertificateHostNames.check("example.test", named))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void anIpAddressMatchesOnlyAnIpAddressEntry() {
        assertThatCode(() -> CertificateHostNames.check("192.0.2.10", named)).doesNotThrowAnyException();
        assertThatCode(() -> CertificateHostNames.check("2001:db8:0:0:0:0:0:10", named)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CertificateHostNames.check("192.0.2.11", named))
                .isInstanceOf(CertificateException.class);
        // a CN or dNSName spelt like an address does not stand for the address
        assertThatThrownBy(() -> CertificateHostNames.check("192.0.2.10", cnOnly))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void aWildcardStandsForExactlyTheLeftmostLabel() {
        assertThatCode(() -> CertificateHostNames.check("ldap.corp.example.test", wildcard)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CertificateHostNames.check("corp.example.test", wildcard))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> CertificateHostNames.check("a.b.corp.example.test", wildcard))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void theCommonNameCountsOnlyWithoutDnsNames() {
        assertThatCode(() -> CertificateHostNames.check("old.example.test", cnOnly)).doesNotThrowAnyException();
        // named has CN=ldap.example.test too, but its dNSNames decide
        assertThatThrownBy(() -> CertificateHostNames.check("wildcard", wildcard))
                .isInstanceOf(CertificateException.class);
    }
}
