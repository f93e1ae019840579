package io.switchboard.server.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.switchboard.server.config.OwnerOnlyFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The server's TLS identity: a self-signed certificate generated on first start and kept in
 * a PKCS#12 keystore in the data directory, its random password in a file beside it; both
 * are owner-only. Later starts load the same certificate, so its fingerprint, which clients
 * pin when the user accepts it, stays the same.
 *
 * <p>To change the certificate (a new domain, a certificate from a CA), stop the server and
 * replace or delete {@value #KEYSTORE_FILE} and {@value #PASSWORD_FILE}.
 */
public final class CertificateManager {

    public static final String KEYSTORE_FILE = "server-certificate.p12";
    public static final String PASSWORD_FILE = "server-certificate.password";
    static final String ALIAS = "switchboard-server";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateManager.class);

    private final X509Certificate certificate;
    private final KeyManagerFactory keyManagerFactory;
    private final SslContext serverSslContext;

    private CertificateManager(X509Certificate certificate, KeyManagerFactory keyManagerFactory,
                               SslContext serverSslContext) {
        this.certificate = certificate;
        this.keyManagerFactory = keyManagerFactory;
        this.serverSslContext = serverSslContext;
    }

    /** Loads the certificate from {@code dataDirectory}, generating it for {@code domain} on first start. */
    public static CertificateManager loadOrCreate(Path dataDirectory, String domain) throws TlsSetupException {
        return loadOrCreate(dataDirectory, domain, new SecureRandom(), Clock.systemUTC());
    }

    static CertificateManager loadOrCreate(Path dataDirectory, String domain, SecureRandom random, Clock clock)
            throws TlsSetupException {
        Objects.requireNonNull(domain, "domain");
        Path keystoreFile = dataDirectory.resolve(KEYSTORE_FILE);
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.notExists(keystoreFile)) {
            generate(dataDirectory, keystoreFile, passwordFile, domain, random, clock);
        }
        CertificateManager manager = load(keystoreFile, passwordFile);
        manager.warnIfUnfitFor(domain, clock);
        LOG.info("TLS certificate for '{}' (valid until {}), SHA-256 fingerprint {}", domain,
                manager.certificate.getNotAfter().toInstant(), manager.fingerprintSha256());
        return manager;
    }

    /** The server's certificate, to show or to pin. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The key managers holding the server's key, for TLS stacks other than Netty's. */
    public KeyManagerFactory keyManagerFactory() {
        return keyManagerFactory;
    }

    /**
     * A JDK server context presenting the certificate, for SIP over TLS (JAIN-SIP uses JDK
     * sockets); the stack restricts it to TLS 1.3/1.2. Its trust managers, the JVM's, only matter
     * when the server opens a TLS connection itself, which it avoids (requests to TLS clients go
     * over the connection they opened).
     */
    public SSLContext sipTlsContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagerFactory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build a TLS context for the server certificate", e);
        }
    }

    /** A Netty server context (TLS 1.3 and 1.2) presenting the certificate; shareable across channels. */
    public SslContext serverSslContext() {
        return serverSslContext;
    }

    /**
     * SHA-256 of the DER certificate as colon-separated upper-case hex ({@code AB:CD:...}), the
     * form browsers and {@code openssl x509 -fingerprint -sha256} show, so a user can compare.
     */
    public String fingerprintSha256() {
        return fingerprintSha256(certificate);
    }

    public static String fingerprintSha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks SHA-256 or cannot encode a certificate", e);
        }
    }

    /** DNS names and IP addresses in the certificate's SubjectAltName extension. */
    public List<String> subjectAltNames() {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            List<String> result = new ArrayList<>();
            if (names != null) {
                for (List<?> name : names) {
                    result.add(String.valueOf(name.get(1)));
                }
            }
            return result;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static void generate(Path dataDirectory, Path keystoreFile, Path passwordFile, String domain,
                                 SecureRandom random, Clock clock) throws TlsSetupException {
        try {
            OwnerOnlyFiles.createDirectories(dataDirectory);
            SelfSignedCertificate.Generated generated = new SelfSignedCertificate(random).generate(domain, clock.instant());
            char[] password = newPassword(random);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, generated.keyPair().getPrivate(), password,
                    new Certificate[] {generated.certificate()});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            keyStore.store(bytes, password);
            // password first: a keystore without its password file would be unusable
            OwnerOnlyFiles.write(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            OwnerOnlyFiles.write(keystoreFile, bytes.toByteArray());
            LOG.info("Generated a self-signed certificate for '{}' in {}", domain, keystoreFile);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("Cannot create the server certificate in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static CertificateManager load(Path keystoreFile, Path passwordFile) throws TlsSetupException {
        if (Files.notExists(passwordFile)) {
            throw new TlsSetupException("The keystore " + keystoreFile + " exists but its password file " + passwordFile
                    + " is missing. Restore it, or delete the keystore to generate a new certificate"
                    + " (clients will then ask to accept the new one).");
        }
        try {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystoreFile)) {
                keyStore.load(in, password);
            }
            String alias = keyStore.isKeyEntry(ALIAS) ? ALIAS : firstKeyAlias(keyStore, keystoreFile);
            if (!(keyStore.getCertificate(alias) instanceof X509Certificate certificate)
                    || !(keyStore.getKey(alias, password) instanceof PrivateKey key)) {
                throw new TlsSetupException("The keystore " + keystoreFile + " holds no X.509 certificate with its private key");
            }
            KeyStore single = KeyStore.getInstance("PKCS12");
            single.load(null, null);
            single.setKeyEntry(ALIAS, key, password, keyStore.getCertificateChain(alias));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(single, password);
            SslContext context = SslContextBuilder.forServer(kmf).protocols("TLSv1.3", "TLSv1.2").build();
            return new CertificateManager(certificate, kmf, context);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("Cannot load the server certificate from " + keystoreFile + " (password in "
                    + passwordFile + "): " + e.getMessage()
                    + ". Delete both files to generate a new certificate.", e);
        }
    }

    private static String firstKeyAlias(KeyStore keyStore, Path keystoreFile) throws GeneralSecurityException, TlsSetupException {
        for (String alias : java.util.Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new TlsSetupException("The keystore " + keystoreFile + " holds no private key");
    }

    private static char[] newPassword(SecureRandom random) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
    }

    private void warnIfUnfitFor(String domain, Clock clock) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        String bare = wanted.startsWith("[") && wanted.endsWith("]") ? wanted.substring(1, wanted.length() - 1) : wanted;
        if (subjectAltNames().stream().noneMatch(n -> n.equalsIgnoreCase(bare))) {
            LOG.warn("The server certificate does not name the domain '{}' (it names {}). Clients checking host names "
                    + "will refuse it: stop the server and delete {} and {} to generate a new one.",
                    domain, subjectAltNames(), KEYSTORE_FILE, PASSWORD_FILE);
        }
        if (certificate.getNotAfter().before(Date.from(clock.instant()))) {
            LOG.warn("The server certificate expired on {}: stop the server and delete {} and {} to generate a new one.",
                    certificate.getNotAfter().toInstant(), KEYSTORE_FILE, PASSWORD_FILE);
        }
    }
}
