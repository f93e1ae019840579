package io.switchboard.e2e;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.scenarios.TestProcesses;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Switchboard server, in-process, on an ephemeral loopback port, with its embedded H2
 * file database and generated certificate in a temporary data directory — composed exactly as
 * {@code switchboard-server run} composes it. {@link #restart()} stops the server, closes the
 * database, and starts both again on the same port and files.
 */
public final class BundledServerFixture implements XmppServerFixture, BeforeAllCallback, AfterAllCallback {

    private Path dataDir;
    private ServerConfig config;
    private CertificateManager certificates;
    private Database database;
    private SwitchboardServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("switchboard-e2e");
        config = ServerConfig.defaults().withPort(0);
        certificates = CertificateManager.loadOrCreate(dataDir, config.domain());
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        TestProcesses.deleteTree(dataDir);
    }

    private void start() throws Exception {
        var db = config.database();
        database = Database.open(db.jdbcUrl(dataDir), db.username(), db.password(), db.maximumPoolSize());
        server = SwitchboardServer.create(config, database, certificates);
        server.start();
        // a restart must come back on the same port, so clients can reconnect
        config = config.withPort(server.c2sPort());
    }

    private void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public SwitchboardServer server() {
        return server;
    }

    @Override
    public String domain() {
        return config.domain();
    }

    @Override
    public int c2sPort() {
        return server.c2sPort();
    }

    @Override
    public String certificateFingerprint() {
        return certificates.fingerprintSha256();
    }

    /** Writes the server's certificate as PEM, for clients that take a CA file (slixmpp, openssl). */
    public Path exportCertificatePem(Path file) throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificates.certificate().getEncoded());
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    @Override
    public void restart() throws Exception {
        stop();
        start();
    }

    @Override
    public Address register(String user, String password) throws Exception {
        new JdbcUserStore(database).create(user, password.toCharArray());
        return Address.of(user, domain());
    }
}
