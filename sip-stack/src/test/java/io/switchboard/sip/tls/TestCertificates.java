package io.switchboard.sip.tls;

import io.switchboard.core.tls.CertificateFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Self-signed certificates for tests, made by the JDK's own {@code keytool} (the JDK has no public
 * API to issue certificates, and sip-stack takes no certificate library for tests alone).
 */
public final class TestCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keyStore;

    private TestCertificates(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** A new RSA key with a self-signed certificate carrying {@code subjectAltNames}, e.g. {@code dns:sip.example.com,ip:127.0.0.1}. */
    public static TestCertificates generate(Path directory, String subjectAltNames) throws Exception {
        Path file = Files.createTempFile(directory, "cert", ".p12");
        Files.delete(file);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-keystore", file.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=test", "-ext", "san=" + subjectAltNames)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return new TestCertificates(store);
    }

    public X509Certificate certificate() throws GeneralSecurityException {
        return (X509Certificate) keyStore.getCertificate("server");
    }

    public String fingerprint() throws GeneralSecurityException {
        return CertificateFingerprint.sha256(certificate());
    }

    /** A server context presenting this certificate. */
    public SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A trust manager whose only anchor is this certificate: a stand-in for a CA the system trusts. */
    public X509TrustManager asTrustAnchor() throws GeneralSecurityException, IOException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("anchor", certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
