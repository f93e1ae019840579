package io.switchboard.server.xmpp.stream;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed test certificate: the server's SslContext and a client SSLContext that trusts only it. */
final class TestTls {

    final SslContext server;
    final SSLContext client;

    TestTls(String domain) throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate(domain);
        server = SslContextBuilder.forServer(cert.certificate(), cert.privateKey()).build();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        cert.delete();
    }
}
