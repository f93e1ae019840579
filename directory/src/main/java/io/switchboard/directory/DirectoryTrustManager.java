package io.switchboard.directory;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether to trust a directory's certificate: its chain must lead to a certificate in the
 * JDK's trust store or to one configured in {@link DirectoryConfig#trusted()} (PKIX, by the JDK's
 * own trust managers), and it must be issued for the configured host name
 * ({@link CertificateHostNames}). Handed to the LDAP API as its only trust manager.
 */
final class DirectoryTrustManager extends X509ExtendedTrustManager {

    private final String host;
    private final List<X509ExtendedTrustManager> anchors;

    private DirectoryTrustManager(String host, List<X509ExtendedTrustManager> anchors) {
        this.host = host;
        this.anchors = List.copyOf(anchors);
    }

    static DirectoryTrustManager forDirectory(String host, List<X509Certificate> trusted) {
        try {
            List<X509ExtendedTrustManager> anchors = new ArrayList<>();
            anchors.add(pkix(null)); // the JDK's cacerts
            if (!trusted.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < trusted.size(); i++) {
                    store.setCertificateEntry("trusted-" + i, trusted.get(i));
                }
                anchors.add(pkix(store));
            }
            return new DirectoryTrustManager(host, anchors);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The JDK offers no PKIX trust manager", e);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager from " + factory.getAlgorithm());
    }

    private void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the directory presented no certificate");
        }
        CertificateException refused = null;
        boolean trusted = false;
        for (X509ExtendedTrustManager anchor : anchors) {
            try {
                // the chain alone: the host name is checked below against what was configured
                anchor.checkServerTrusted(chain, authType);
                trusted = true;
                break;
            } catch (CertificateException e) {
                refused = refused == null ? e : refused;
            }
        }
        if (!trusted) {
            throw new CertificateException("the directory's certificate (" + chain[0].getSubjectX500Principal()
                    + ") is not trusted: neither the JDK's trust store nor the configured certificates lead to it",
                    refused);
        }
        CertificateHostNames.check(host, chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a directory client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.stream().flatMap(a -> Arrays.stream(a.getAcceptedIssuers())).toArray(X509Certificate[]::new);
    }
}
