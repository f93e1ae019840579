package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StartTLS and LDAPS against a directory with a self-signed certificate made for the test. */
class LdapTlsTest {

    @Nested
    class CertificateForLocalhost {

        @RegisterExtension
        static final TestDirectory DIRECTORY = TestDirectory.withCertificate(List.of("localhost"), List.of("127.0.0.1"));

        @Test
        void startTlsWithTheCertificateTrusted() throws DirectoryException {
            DirectoryConfig config = onLocalhost(DIRECTORY, DIRECTORY.ldapPort())
                    .withSecurity(DirectorySecurity.START_TLS, List.of(DIRECTORY.certificate()));
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThat(directory.byUsername("user0001")).isPresent();
                assertThat(directory.authenticate("user0001", "secret-0001".toCharArray()).username())
                        .isEqualTo("user0001");
            }
        }

        @Test
        void ldapsWithTheCertificateTrusted() throws DirectoryException {
            DirectoryConfig config = onLocalhost(DIRECTORY, DIRECTORY.ldapsPort())
                    .withSecurity(DirectorySecurity.LDAPS, List.of(DIRECTORY.certificate()));
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThat(directory.authenticate("user0002", "secret-0002".toCharArray()).username())
                        .isEqualTo("user0002");
                try (PagedSearch search = directory.search("Person 000", 5)) {
                    assertThat(search.nextPage()).hasSize(5);
                }
            }
        }

        @Test
        void ldapsToTheIpAddressInTheCertificate() throws DirectoryException {
            DirectoryConfig config = DIRECTORY.config()
                    .withSecurity(DirectorySecurity.LDAPS, List.of(DIRECTORY.certificate()));
            DirectoryConfig onIp = new DirectoryConfig("127.0.0.1", DIRECTORY.ldapsPort(), config.security(),
                    config.trusted(), config.peopleBase(), config.profile(), config.serviceAccount(),
                    config.connectTimeout(), config.operationTimeout(), config.sizeLimit(), config.pageSize(),
                    config.poolSize());
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(onIp)) {
                assertThat(directory.byUsername("user0003")).isPresent();
            }
        }

        @Test
        void startTlsWithTheCertificateNotTrustedIsRefused() {
            DirectoryConfig config = onLocalhost(DIRECTORY, DIRECTORY.ldapPort())
                    .withSecurity(DirectorySecurity.START_TLS, List.of());
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThatThrownBy(() -> directory.byUsername("user0001"))
                        .isInstanceOf(DirectoryTlsException.class)
                        .hasMessageContaining("localhost:" + DIRECTORY.ldapPort())
                        .hasMessageContaining("is not trusted");
                assertThatThrownBy(() -> directory.authenticate("user0001", "secret-0001".toCharArray()))
                        .isInstanceOf(DirectoryTlsException.class);
            }
        }

        @Test
        void ldapsToAPlainLdapPortIsATlsProblem() {
            DirectoryConfig config = onLocalhost(DIRECTORY, DIRECTORY.ldapPort())
                    .withSecurity(DirectorySecurity.LDAPS, List.of(DIRECTORY.certificate()));
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThatThrownBy(() -> directory.byUsername("user0001")).isInstanceOf(DirectoryTlsException.class);
            }
        }

        @Test
        void ldapsWithTheCertificateNotTrustedIsRefused() {
            DirectoryConfig config = onLocalhost(DIRECTORY, DIRECTORY.ldapsPort())
                    .withSecurity(DirectorySecurity.LDAPS, List.of());
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThatThrownBy(() -> directory.byUsername("user0001")).isInstanceOf(DirectoryTlsException.class);
            }
        }
    }

    @Nested
    class CertificateForAnotherHost {

        @RegisterExtension
        static final TestDirectory DIRECTORY = TestDirectory.withCertificate(List.of("directory.example.test"),
                List.of("192.0.2.10"));

        @Test
        void startTlsToAHostTheCertificateIsNotForIsRefused() {
            DirectoryConfig config = onLocalhost(DIRECTORY, DIRECTORY.ldapPort())
                    .withSecurity(DirectorySecurity.START_TLS, List.of(DIRECTORY.certificate()));
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThatThrownBy(() -> directory.byUsername("user0001"))
                        .isInstanceOf(DirectoryTlsException.class)
                        .hasMessageContaining("localhost:" + DIRECTORY.ldapPort())
                        .hasMessageContaining("not issued for host name localhost");
            }
        }

        @Test
        void ldapsToAnIpAddressTheCertificateIsNotForIsRefused() {
            DirectoryConfig config = DIRECTORY.config()
                    .withSecurity(DirectorySecurity.LDAPS, List.of(DIRECTORY.certificate()));
            DirectoryConfig ldaps = new DirectoryConfig("127.0.0.1", DIRECTORY.ldapsPort(), config.security(),
                    config.trusted(), config.peopleBase(), config.profile(), config.serviceAccount(),
                    config.connectTimeout(), config.operationTimeout(), config.sizeLimit(), config.pageSize(),
                    config.poolSize());
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(ldaps)) {
                assertThatThrownBy(() -> directory.authenticate("user0001", "secret-0001".toCharArray()))
                        .isInstanceOf(DirectoryTlsException.class);
            }
        }
    }

    /** The same directory, by the name "localhost" (which the certificate may or may not carry). */
    private static DirectoryConfig onLocalhost(TestDirectory directory, int port) {
        DirectoryConfig config = directory.config();
        return new DirectoryConfig("localhost", port, config.security(), config.trusted(), config.peopleBase(),
                config.profile(), config.serviceAccount(), config.connectTimeout(), config.operationTimeout(),
                config.sizeLimit(), config.pageSize(), config.poolSize());
    }
}
