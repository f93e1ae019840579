package io.switchboard.sip.tls;

import io.switchboard.core.tls.CertificateFingerprint;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust decision of one SIP user agent's TLS connections, as a trust manager: a certificate
 * whose fingerprint the user accepted passes whatever it names (the user compared exactly that
 * certificate); any other must chain to the JVM's trust store and name one of the account's
 * proxies or its SIP domain (RFC 5922 wants the domain; most deployments name the proxy host).
 *
 * <p>JAIN-SIP opens sockets by address, so the name check is ours rather than the JDK's endpoint
 * identification. A refused certificate's fingerprint is remembered, so a failed sign-in can name
 * exactly the certificate to compare and accept ({@link #refusedFingerprint()}).
 */
public final class ServerCertificateCheck implements X509TrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificateCheck.class);

    private final SipTlsTrust trust;
    private final List<String> acceptableNames;
    private final X509TrustManager system;
    private final AtomicReference<String> refused = new AtomicReference<>();

    /**
     * @param acceptableNames the proxy hosts and the SIP domain: a system-trusted certificate must name one
     */
    public ServerCertificateCheck(SipTlsTrust trust, List<String> acceptableNames) {
        this(trust, acceptableNames, systemTrustManager());
    }

    /** With another trust store standing in for the JVM's (tests with their own CA). */
    ServerCertificateCheck(SipTlsTrust trust, List<String> acceptableNames, X509TrustManager system) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.acceptableNames = List.copyOf(acceptableNames);
        this.system = Objects.requireNonNull(system, "system");
    }

    /** A client-only SSL context (no key of ours) whose only trust decision is this check. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no TLS implementation", e);
        }
    }

    /** The fingerprint of the last server certificate refused since the last one accepted, if any. */
    public Optional<String> refusedFingerprint() {
        return Optional.ofNullable(refused.get());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        String fingerprint = CertificateFingerprint.sha256(chain[0]);
        if (trust.trusts(fingerprint)) {
            refused.set(null);
            return;
        }
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            refuse(fingerprint, "is not trusted by this computer (" + e.getMessage() + ")");
        }
        if (acceptableNames.stream().noneMatch(name -> CertificateNames.matches(chain[0], name))) {
            refuse(fingerprint, "names none of " + acceptableNames);
        }
        refused.set(null);
    }

    private void refuse(String fingerprint, String why) throws CertificateException {
        refused.set(fingerprint);
        LOG.debug("SIP server certificate {} refused: it {}", fingerprint, why);
        throw new CertificateException("the server certificate " + fingerprint + " " + why);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a SIP user agent accepts no client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trust store cannot be loaded", e);
        }
    }
}
