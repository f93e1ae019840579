package io.switchboard.deskphone;

import io.switchboard.core.model.Address;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.config.SipRateLimitConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import java.nio.file.Path;

/**
 * The real bundled server, in-process on ephemeral loopback ports, composed as e2e's
 * BundledServerFixture composes it (H2 file database and certificate in {@code dataDir}), without
 * the flood limit (every phone here shares 127.0.0.1).
 */
final class TestServer implements AutoCloseable {

    private final ServerConfig config;
    private final Database database;
    private final SwitchboardServer server;

    TestServer(Path dataDir) throws Exception {
        ServerConfig base = ServerConfig.defaults().withPort(0).withDemoUsers(false).withXcapPort(0)
                .withSip(SipConfig.defaults().withPort(0).withTls(false, 0)
                        .withRateLimit(new SipRateLimitConfig(Integer.MAX_VALUE, 2,
                                SipRateLimitConfig.SourceKey.ADDRESS_AND_PORT)));
        CertificateManager certificates = CertificateManager.loadOrCreate(dataDir, base.domain());
        var db = base.database();
        database = Database.open(db.jdbcUrl(dataDir), db.username(), db.password(), db.maximumPoolSize());
        server = SwitchboardServer.create(base, database, certificates);
        server.start();
        config = base;
    }

    String domain() {
        return config.domain();
    }

    SipProxy proxy() {
        return new SipProxy("127.0.0.1", server.sipPort(), SipTransport.UDP);
    }

    Address user(String name, String password) throws Exception {
        new JdbcUserStore(database, domain()).create(name, password.toCharArray());
        return Address.of(name, domain());
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
