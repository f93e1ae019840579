package io.switchboard.xmpp.tls;

import io.switchboard.core.tls.CertificateFingerprint;
import io.switchboard.xmpp.CertificateTrust;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.java7.XmppHostnameVerifier;

/**
 * The trust decision for one session: a trust manager and a hostname verifier that apply its
 * {@link CertificateTrust}, and remember the fingerprint of a certificate they refused, so that
 * a failed sign-in can show the user exactly which certificate to compare and pin.
 *
 * <p>With a pinned fingerprint the pin is the whole check: the user accepted that one
 * certificate for this account, whatever names it carries. With system trust the chain must
 * validate against the JVM's trust store and the XMPP domain must match the certificate
 * (Smack's RFC 6125 verifier).
 */
public final class CertificateCheck {

    private final CertificateTrust trust;
    private final AtomicReference<String> refused = new AtomicReference<>();
    private final X509TrustManager trustManager;
    private final HostnameVerifier hostnameVerifier;

    public CertificateCheck(CertificateTrust trust) {
        this.trust = trust;
        this.trustManager = new Recording(trust instanceof CertificateTrust.Pinned pinned
                ? new PinnedTrustManager(pinned.sha256Fingerprint()) : systemTrustManager());
        this.hostnameVerifier = trust instanceof CertificateTrust.Pinned
                ? (host, session) -> true
                : new RecordingHostnameVerifier(new XmppHostnameVerifier());
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public HostnameVerifier hostnameVerifier() {
        return hostnameVerifier;
    }

    public CertificateTrust trust() {
        return trust;
    }

    /** Forgets the last refusal; called before every connection attempt. */
    public void reset() {
        refused.set(null);
    }

    /** The fingerprint of the server certificate refused during the current attempt, if any. */
    public Optional<String> refusedFingerprint() {
        return Optional.ofNullable(refused.get());
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (var tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X.509 trust manager");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trust store cannot be loaded", e);
        }
    }

    /** Accepts exactly the pinned leaf certificate. */
    private static final class PinnedTrustManager implements X509TrustManager {
        private final String pin;

        PinnedTrustManager(String pin) {
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            String presented = CertificateFingerprint.sha256(chain[0]);
            if (!presented.equals(pin)) {
                throw new CertificateException("the server's certificate " + presented
                        + " is not the pinned certificate " + pin);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not accept client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private final class Recording implements X509TrustManager {
        private final X509TrustManager delegate;

        Recording(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                if (chain != null && chain.length > 0) {
                    refused.set(CertificateFingerprint.sha256(chain[0]));
                }
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** A trusted certificate issued for another name is as untrusted as a self-signed one. */
    private final class RecordingHostnameVerifier implements HostnameVerifier {
        private final HostnameVerifier delegate;

        RecordingHostnameVerifier(HostnameVerifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean verify(String hostname, SSLSession session) {
            if (delegate.verify(hostname, session)) {
                return true;
            }
            try {
                var certs = session.getPeerCertificates();
                if (certs.length > 0 && certs[0] instanceof X509Certificate leaf) {
                    refused.set(CertificateFingerprint.sha256(leaf));
                }
            } catch (SSLPeerUnverifiedException e) {
                // nothing to show the user; the sign-in still fails as a TLS failure
            }
            return false;
        }
    }
}
