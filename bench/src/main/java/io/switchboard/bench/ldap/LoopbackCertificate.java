package io.switchboard.bench.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A throwaway self-signed certificate for a server on loopback, made by the openssl CLI (as the
 * other interop fixtures do): CN 127.0.0.1, subjectAltName IP:127.0.0.1 and DNS:localhost, so a
 * client that checks host names accepts it under either name once it trusts the certificate.
 *
 * @param certificatePem the certificate file (PEM)
 * @param keyPem         its unencrypted private key (PEM)
 * @param certificate    the certificate, for a client's trusted list
 */
public record LoopbackCertificate(Path certificatePem, Path keyPem, X509Certificate certificate) {

    /** Writes {@code cert.pem} and {@code key.pem} into {@code dir}. */
    public static LoopbackCertificate create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        ChildProcesses.run(dir, Duration.ofSeconds(60), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        try (InputStream in = Files.newInputStream(cert)) {
            return new LoopbackCertificate(cert, key,
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }
}
