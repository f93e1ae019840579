package io.switchboard.e2e;

import io.switchboard.core.model.Address;
import io.switchboard.e2e.scenarios.TestProcesses;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.config.XcapConfig;
import io.switchboard.server.config.SipRateLimitConfig;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcVoiceMailboxStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Switchboard server, in-process, on an ephemeral loopback port, with its embedded H2
 * file database and generated certificate in a temporary data directory — composed exactly as
 * {@code switchboard-server run} composes it. {@link #restart()} stops the server, closes the
 * database, and starts both again on the same port and files; {@link #stopServer()} and
 * {@link #startServer()} do the same in two steps, for tests that look at the time in between.
 * {@link #withDemoCompany()} seeds the demo company and starts its bots, as {@code run --demo}.
 *
 * <p>SIP listens on an ephemeral loopback port too ({@link #sipPort()}), with limits made for tests
 * on one machine: every client shares 127.0.0.1, so the flood limit counts per address and port;
 * registrations may be as short as {@link #SIP_MIN_EXPIRES} seconds so expiry can be watched;
 * presence notifications to one watcher are at least {@link #SIP_NOTIFY_INTERVAL_MILLIS} apart.
 */
public final class BundledServerFixture implements XmppServerFixture, BeforeAllCallback, AfterAllCallback {

    /** Shortest registration, publication or subscription the test server grants (seconds). */
    public static final int SIP_MIN_EXPIRES = 2;
    /** The test server's per-source flood limit: requests per window. */
    public static final int SIP_RATE_LIMIT_REQUESTS = 30;
    public static final int SIP_RATE_LIMIT_WINDOW_SECONDS = 2;
    public static final int SIP_NOTIFY_INTERVAL_MILLIS = 300;
    /** Below the UDP maximum, so a test can send a datagram the server must refuse as too large. */
    public static final int SIP_MAX_MESSAGE_BYTES = 32_768;

    private final boolean demoCompany;
    private final int sipRateLimitRequests;
    private final boolean embeddedDirectory;
    /** Applied to the directory settings before the first start ({@link #withDirectory}); identity otherwise. */
    private UnaryOperator<UserDirectoryConfig> directorySettings = UnaryOperator.identity();
    /** The server's bound on its own requests awaiting a final response ({@link #withMaxPendingRequests}). */
    private int maxPendingRequests = SipConfig.defaults().maxPendingRequests();
    private Path dataDir;
    private ServerConfig config;
    private CertificateManager certificates;
    private Database database;
    private SwitchboardServer server;

    public BundledServerFixture() {
        this(false);
    }

    private BundledServerFixture(boolean demoCompany) {
        this(demoCompany, SIP_RATE_LIMIT_REQUESTS);
    }

    private BundledServerFixture(boolean demoCompany, int sipRateLimitRequests) {
        this(demoCompany, sipRateLimitRequests, false);
    }

    private BundledServerFixture(boolean demoCompany, int sipRateLimitRequests, boolean embeddedDirectory) {
        this.demoCompany = demoCompany;
        this.sipRateLimitRequests = sipRateLimitRequests;
        this.embeddedDirectory = embeddedDirectory;
    }

    /**
     * The server with its embedded directory (the demo organisation, password "demo") on a free port,
     * and nobody in its own user store: people sign in with their directory password (ADR 0029).
     */
    public static BundledServerFixture withEmbeddedDirectory() {
        return new BundledServerFixture(false, SIP_RATE_LIMIT_REQUESTS, true);
    }

    /**
     * The server with the directory settings {@code settings} makes of the defaults, e.g. source LDAP
     * with an external directory's URL and certificates. They are applied when the server first
     * starts (in {@code beforeAll}), so they may read another extension's state registered before
     * this one, such as a directory server's ports.
     */
    public static BundledServerFixture withDirectory(UnaryOperator<UserDirectoryConfig> settings) {
        BundledServerFixture fixture = new BundledServerFixture();
        fixture.directorySettings = java.util.Objects.requireNonNull(settings, "settings");
        return fixture;
    }

    /**
     * The test server without its per-source flood limit: for load from one load generator (SIPp is one
     * source), which the limit would turn into a test of the limit.
     */
    public static BundledServerFixture withoutFloodLimit() {
        return new BundledServerFixture(false, Integer.MAX_VALUE);
    }

    /** The test server with room for only {@code requests} of its own requests awaiting a final response. */
    public static BundledServerFixture withMaxPendingRequests(int requests) {
        BundledServerFixture fixture = new BundledServerFixture();
        fixture.maxPendingRequests = requests;
        return fixture;
    }

    /** The server as {@code run --demo} starts it: the demo users (password "demo") and the demo colleagues online. */
    public static BundledServerFixture withDemoCompany() {
        return new BundledServerFixture(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("switchboard-e2e");
        config = ServerConfig.defaults().withPort(0).withDemoUsers(demoCompany).withSip(testSip(sipRateLimitRequests)
                .withMaxPendingRequests(maxPendingRequests))
                .withXcapPort(0);
        if (embeddedDirectory) {
            config = config.withDirectory(config.directory().withSource(UserDirectoryConfig.Source.EMBEDDED)
                    .withEmbeddedPort(0));
        }
        config = config.withDirectory(directorySettings.apply(config.directory()));
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
        if (config.demo().seedUsers()) {
            new DemoDirectory(new JdbcUserStore(database, config.domain()), new JdbcRosterStore(database),
                    new JdbcVoiceMailboxStore(database), config.domain()).seed();
        }
        server = SwitchboardServer.create(config, database, certificates);
        server.start();
        // a restart must come back on the same ports, so clients can reconnect
        config = config.withPort(server.c2sPort()).withSipPort(server.sipPort()).withSipTlsPort(server.sipTlsPort())
                .withXcapPort(server.xcapPort());
        if (embeddedDirectory) {
            int directoryPort = server.directory().orElseThrow().embedded().orElseThrow().port();
            config = config.withDirectory(config.directory().withEmbeddedPort(directoryPort));
        }
    }

    private static SipConfig testSip(int rateLimitRequests) {
        return SipConfig.defaults()
                .withPort(0)
                .withTls(true, 0)
                .withRateLimit(new SipRateLimitConfig(rateLimitRequests, SIP_RATE_LIMIT_WINDOW_SECONDS,
                        SipRateLimitConfig.SourceKey.ADDRESS_AND_PORT))
                .withExpiryBounds(SIP_MIN_EXPIRES, 3600)
                .withNotifyIntervalMillis(SIP_NOTIFY_INTERVAL_MILLIS)
                .withMaxMessageBytes(SIP_MAX_MESSAGE_BYTES);
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

    /** Stops the server and closes its database; every client connection drops. */
    public void stopServer() {
        stop();
    }

    /** Starts the server again after {@link #stopServer()}, on the same port and files. */
    public void startServer() throws Exception {
        start();
    }

    /** The server's database while it runs, for seeding its stores directly. */
    public Database database() {
        return database;
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

    /** The SIP port (UDP and TCP on 127.0.0.1). */
    public int sipPort() {
        return server.sipPort();
    }

    /** The SIP over TLS port on 127.0.0.1, presenting {@link #certificateFingerprint()}'s certificate. */
    public int sipTlsPort() {
        return server.sipTlsPort();
    }

    /** The XCAP root for SIP clients' presence rules: {@code http://127.0.0.1:<port>/xcap-root}. */
    public java.net.URI xcapRoot() {
        return java.net.URI.create("http://127.0.0.1:" + server.xcapPort() + XcapConfig.ROOT_PATH);
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
        new JdbcUserStore(database, domain()).create(user, password.toCharArray());
        return Address.of(user, domain());
    }
}
