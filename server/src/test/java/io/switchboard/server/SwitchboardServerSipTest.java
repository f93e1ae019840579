package io.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.tls.CertificateManager;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the composed server starts, or refuses to start, its SIP listener. */
class SwitchboardServerSipTest {

    @TempDir
    Path dir;

    private Database database() throws Exception {
        DatabaseConfig db = DatabaseConfig.defaults();
        return Database.open(db.jdbcUrl(dir), db.username(), db.password(), 4);
    }

    @Test
    void aTakenSipPortStopsTheStartWithAMessageSayingWhatToChange() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipTlsPort(0);
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
             Database database = database()) {
            SwitchboardServer server = SwitchboardServer.create(config.withSipPort(taken.getLocalPort()), database,
                    CertificateManager.loadOrCreate(dir, config.domain()));
            try {
                assertThatThrownBy(server::start)
                        .isInstanceOf(ConfigException.class)
                        .hasMessageContaining("SIP cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .hasMessageContaining("sip.enabled: false");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aTakenSipTlsPortStopsTheStartNamingTheTlsPortSetting() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipPort(0).withXcapPort(0);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             Database database = database()) {
            SwitchboardServer server = SwitchboardServer.create(config.withSipTlsPort(taken.getLocalPort()), database,
                    CertificateManager.loadOrCreate(dir, config.domain()));
            try {
                assertThatThrownBy(server::start)
                        .isInstanceOf(ConfigException.class)
                        .hasMessageContaining("TLS: " + taken.getLocalPort())
                        .hasMessageContaining("sip.tls-port");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void sipCanListenOnTlsAlone() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipPort(0).withSipTlsPort(0).withXcapPort(0);
        config = config.withSip(new io.switchboard.server.config.SipConfig(true, "127.0.0.1", 0, false, false, true, 0,
                65_535, config.sip().rateLimit(), 60, 3600, 5000, false, 10_000));
        try (Database database = database()) {
            SwitchboardServer server = SwitchboardServer.create(config, database,
                    CertificateManager.loadOrCreate(dir, config.domain()));
            try {
                server.start();
                assertThat(server.sipTlsPort()).isPositive();
                try (javax.net.ssl.SSLSocket probe = (javax.net.ssl.SSLSocket) trustingOnly(
                        CertificateManager.loadOrCreate(dir, config.domain()).certificate())
                        .getSocketFactory().createSocket("127.0.0.1", server.sipTlsPort())) {
                    probe.startHandshake();
                    assertThat(probe.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
                }
            } finally {
                server.stop();
            }
        }
    }

    private static javax.net.ssl.SSLContext trustingOnly(java.security.cert.X509Certificate certificate)
            throws Exception {
        java.security.KeyStore anchors = java.security.KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("server", certificate);
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void withSipDisabledOnlyXmppListens() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipTlsPort(0);
        config = config.withSip(config.sip().withEnabled(false));
        try (Database database = database()) {
            SwitchboardServer server = SwitchboardServer.create(config, database,
                    CertificateManager.loadOrCreate(dir, config.domain()));
            try {
                server.start();
                assertThat(server.c2sPort()).isPositive();
                assertThatThrownBy(server::sipPort).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("disabled");
                // XCAP serves SIP clients: off with SIP, though its own section says enabled
                assertThat(config.xcap().enabled()).isTrue();
                assertThatThrownBy(server::xcapPort).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("disabled");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aTakenXcapPortStopsTheStartWithAMessageSayingWhatToChange() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipTlsPort(0).withSipPort(0);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             Database database = database()) {
            SwitchboardServer server = SwitchboardServer.create(config.withXcapPort(taken.getLocalPort()), database,
                    CertificateManager.loadOrCreate(dir, config.domain()));
            try {
                assertThatThrownBy(server::start)
                        .isInstanceOf(ConfigException.class)
                        .hasMessageContaining("XCAP cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .hasMessageContaining("xcap.enabled: false");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void withXcapOnItListensNextToSip() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipTlsPort(0).withSipPort(0).withXcapPort(0);
        try (Database database = database()) {
            SwitchboardServer server = SwitchboardServer.create(config, database,
                    CertificateManager.loadOrCreate(dir, config.domain()));
            try {
                server.start();
                java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.xcapPort()
                                + "/xcap-root/pres-rules/users/sip:alice@localhost/index")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).isEqualTo(401);
            } finally {
                server.stop();
            }
        }
    }
}
