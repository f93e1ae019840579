package io.switchboard.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.SslContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

class CertificateManagerTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartGeneratesKeystoreAndPasswordFile() throws Exception {
        CertificateManager manager = CertificateManager.loadOrCreate(dataDir, "localhost");

        assertThat(dataDir.resolve(CertificateManager.KEYSTORE_FILE)).isRegularFile();
        assertThat(dataDir.resolve(CertificateManager.PASSWORD_FILE)).isRegularFile();
        X509Certificate certificate = manager.certificate();
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(Duration.between(Instant.now(), certificate.getNotAfter().toInstant()))
                .isGreaterThan(Duration.ofDays(3600));
    }

    @Test
    void secondStartReusesTheCertificateSoTheFingerprintIsStable() throws Exception {
        CertificateManager first = CertificateManager.loadOrCreate(dataDir, "localhost");
        byte[] keystoreBytes = Files.readAllBytes(dataDir.resolve(CertificateManager.KEYSTORE_FILE));

        CertificateManager second = CertificateManager.loadOrCreate(dataDir, "localhost");

        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.fingerprintSha256()).isEqualTo(first.fingerprintSha256());
        assertThat(Files.readAllBytes(dataDir.resolve(CertificateManager.KEYSTORE_FILE))).isEqualTo(keystoreBytes);
    }

    @Test
    void anotherDataDirectoryGetsAnotherCertificate(@TempDir Path otherDir) throws Exception {
        CertificateManager first = CertificateManager.loadOrCreate(dataDir, "localhost");
        CertificateManager other = CertificateManager.loadOrCreate(otherDir, "localhost");

        assertThat(other.fingerprintSha256()).isNotEqualTo(first.fingerprintSha256());
    }

    @Test
    void fingerprintIsTheColonSeparatedSha256OfTheDerCertificate() throws Exception {
        CertificateManager manager = CertificateManager.loadOrCreate(dataDir, "localhost");

        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(manager.certificate().getEncoded()));
        assertThat(manager.fingerprintSha256()).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void subjectAltNamesCoverTheDomainAndLoopback() throws Exception {
        CertificateManager manager = CertificateManager.loadOrCreate(dataDir, "chat.example.com");

        assertThat(manager.subjectAltNames())
                .containsExactlyInAnyOrder("chat.example.com", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void anIpAddressDomainIsAnIpSubjectAltName() throws Exception {
        CertificateManager manager = CertificateManager.loadOrCreate(dataDir, "192.168.1.20");

        assertThat(manager.certificate().getSubjectAlternativeNames())
                .contains(java.util.List.of(7, "192.168.1.20"));
    }

    @Test
    void secretsAreOwnerOnlyWherePosixPermissionsExist() throws Exception {
        CertificateManager.loadOrCreate(dataDir, "localhost");

        if (io.switchboard.server.config.OwnerOnlyFiles.supportsPosix(dataDir)) {
            Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(CertificateManager.KEYSTORE_FILE))).isEqualTo(ownerOnly);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(CertificateManager.PASSWORD_FILE))).isEqualTo(ownerOnly);
        }
    }

    @Test
    void serverSslContextIsAServerContextForTls13And12() throws Exception {
        SslContext context = CertificateManager.loadOrCreate(dataDir, "localhost").serverSslContext();

        assertThat(context.isServer()).isTrue();
        var engine = context.newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    }

    @Test
    void aMissingPasswordFileIsAnErrorThatSaysWhatToDo() throws Exception {
        CertificateManager.loadOrCreate(dataDir, "localhost");
        Files.delete(dataDir.resolve(CertificateManager.PASSWORD_FILE));

        assertThatThrownBy(() -> CertificateManager.loadOrCreate(dataDir, "localhost"))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining(CertificateManager.PASSWORD_FILE)
                .hasMessageContaining("delete the keystore");
    }

    @Test
    void aCorruptKeystoreIsAnErrorNamingTheFile() throws Exception {
        CertificateManager.loadOrCreate(dataDir, "localhost");
        Files.write(dataDir.resolve(CertificateManager.KEYSTORE_FILE), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> CertificateManager.loadOrCreate(dataDir, "localhost"))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining(CertificateManager.KEYSTORE_FILE);
    }
}
