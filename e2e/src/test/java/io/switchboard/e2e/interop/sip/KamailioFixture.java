package io.switchboard.e2e.interop.sip;

import io.switchboard.e2e.scenarios.TestProcesses;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Kamailio 5.6 as a child process with a generated configuration (the
 * {@code kamailio/kamailio.cfg} template, shared with {@code bench/run-sip-load.sh}): registrar,
 * digest against a db_text subscriber table holding the configured users, presence agent
 * (presence + presence.winfo), MESSAGE relay and record-routed INVITE dialogs between registered
 * users, on UDP and TCP of one free loopback port.
 * Everything (config, db_text tables, pid, log) lives in a temp dir that is kept when a test of
 * the class failed, so the log can be read afterwards.
 */
public final class KamailioFixture implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(KamailioFixture.class);
    /** Where the kamailio package installs the db_text table definitions (header lines). */
    private static final Path DBTEXT_SCHEMA = Path.of("/usr/share/kamailio/dbtext/kamailio");
    private static final List<String> TABLES = List.of("version", "subscriber", "location", "location_attrs",
            "presentity", "active_watchers", "watchers", "xcap", "pua");

    /** A subscriber of the registrar. */
    public record User(String name, String password) {
    }

    /**
     * @param domain               the SIP domain (an alias of the server; also the digest realm)
     * @param users                the subscribers digest authentication knows
     * @param authenticateRequests whether PUBLISH, SUBSCRIBE and MESSAGE are challenged (407)
     *                             too, not only REGISTER (401)
     * @param children             worker processes per transport
     * @param tls                  also listen on TLS (module tls, Debian's kamailio-tls-modules) with a
     *                             throwaway self-signed certificate for 127.0.0.1 ({@link #tlsPort()})
     */
    public record Config(String domain, List<User> users, boolean authenticateRequests, int children, boolean tls) {
        public Config {
            users = List.copyOf(users);
        }

        public Config(String domain, List<User> users, boolean authenticateRequests, int children) {
            this(domain, users, authenticateRequests, children, false);
        }

        public static Config of(String domain, boolean authenticateRequests, User... users) {
            return new Config(domain, List.of(users), authenticateRequests, 2);
        }

        public Config withTls() {
            return new Config(domain, users, authenticateRequests, children, true);
        }
    }

    private final Config config;
    private Path dir;
    private Path log;
    private Process process;
    private int port;
    private int tlsPort;
    private X509Certificate tlsCertificate;
    private volatile boolean failed;

    public KamailioFixture(Config config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop(failed || context.getExecutionException().isPresent());
    }

    public void start() throws Exception {
        dir = Files.createTempDirectory("kamailio-interop");
        Path db = Files.createDirectories(dir.resolve("db"));
        writeTables(db);
        port = TestProcesses.freePort();
        Path tlsConfig = dir.resolve("tls.cfg");
        if (config.tls()) {
            tlsPort = TestProcesses.freePort();
            writeTlsFiles(tlsConfig);
        }
        Path cfg = dir.resolve("kamailio.cfg");
        Files.writeString(cfg, template()
                .replace("@TLSPORT@", Integer.toString(tlsPort))
                .replace("@TLSCFG@", tlsConfig.toString())
                .replace("@PORT@", Integer.toString(port))
                .replace("@DBDIR@", db.toString())
                .replace("@DOMAIN@", config.domain())
                .replace("@CHILDREN@", Integer.toString(config.children())));
        log = dir.resolve("kamailio.log");
        List<String> command = new ArrayList<>(List.of("kamailio", "-f", cfg.toString(), "-DD", "-E",
                "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-w", dir.toString(), "-m", "128"));
        if (config.authenticateRequests()) {
            command.addAll(List.of("-A", "AUTH_ALL"));
        }
        if (config.tls()) {
            command.addAll(List.of("-A", "WITH_TLS"));
        }
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // UDP and TCP listeners open together once the config and every module initialised
        TestProcesses.awaitListening(port, Duration.ofSeconds(30), process, log);
        if (config.tls()) {
            TestProcesses.awaitListening(tlsPort, Duration.ofSeconds(30), process, log);
        }
        LOG.info("Kamailio for {} on udp+tcp 127.0.0.1:{} (dir {})", config.domain(), port, dir);
    }

    /** Stops Kamailio; keeps the directory (and says where) when asked to, deletes it otherwise. */
    public void stop(boolean keepFiles) throws Exception {
        TestProcesses.stop(process, Duration.ofSeconds(10));
        if (keepFiles) {
            LOG.warn("Kamailio files kept for inspection in {}", dir);
        } else {
            TestProcesses.deleteTree(dir);
        }
    }

    /** Whether a test of the class using this fixture failed (then files are kept). */
    public boolean failed() {
        return failed;
    }

    public String domain() {
        return config.domain();
    }

    public int port() {
        return port;
    }

    /** host:port as SIPp and baresip take it. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** The TLS port (only with {@link Config#withTls()}). */
    public int tlsPort() {
        if (!config.tls()) {
            throw new IllegalStateException("this Kamailio was started without TLS");
        }
        return tlsPort;
    }

    /** The certificate Kamailio presents on {@link #tlsPort()}. */
    public X509Certificate tlsCertificate() {
        return tlsCertificate;
    }

    public String password(String user) {
        return config.users().stream().filter(u -> u.name().equals(user)).map(User::password).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + user));
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    private void writeTables(Path db) throws IOException {
        for (String table : TABLES) {
            String schema = Files.readAllLines(DBTEXT_SCHEMA.resolve(table)).get(0);
            if (table.equals("presentity")) {
                // Kamailio writes publications without a sender and then cannot read its own file
                // back ("null value not allowed - field 8"): let the column be null.
                schema = schema.replace("sender(string)", "sender(string,null)");
            }
            StringBuilder content = new StringBuilder(schema).append('\n');
            if (table.equals("version")) {
                // the version rows of the tables we use, exactly as the package ships them
                Files.readAllLines(DBTEXT_SCHEMA.resolve(table)).stream().skip(1)
                        .filter(line -> TABLES.stream().anyMatch(t -> line.startsWith("0:" + t + ":")))
                        .forEach(line -> content.append(line).append('\n'));
            }
            if (table.equals("subscriber")) {
                int id = 1;
                for (User user : config.users()) {
                    content.append(id++).append(':').append(escape(user.name())).append(':')
                            .append(escape(config.domain())).append(':').append(escape(user.password())).append(':')
                            .append(md5(user.name() + ":" + config.domain() + ":" + user.password())).append(':')
                            .append(md5(user.name() + "@" + config.domain() + ":" + config.domain() + ":"
                                    + user.password()))
                            .append('\n');
                }
            }
            Files.writeString(db.resolve(table), content.toString());
        }
    }

    /** A self-signed certificate for 127.0.0.1 made by openssl, and the tls module's configuration. */
    private void writeTlsFiles(Path tlsConfig) throws Exception {
        Path key = dir.resolve("tls-key.pem");
        Path certificate = dir.resolve("tls-cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make a certificate: " + output);
        }
        try (InputStream in = Files.newInputStream(certificate)) {
            tlsCertificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        Files.writeString(tlsConfig, "[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                + "require_certificate = no\nprivate_key = " + key + "\ncertificate = " + certificate + "\n\n"
                + "[client:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\n");
    }

    /** db_text separates columns with ':' and escapes it with a backslash. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template() throws IOException {
        try (InputStream in = KamailioFixture.class.getResourceAsStream("/kamailio/kamailio.cfg")) {
            if (in == null) {
                throw new IOException("kamailio/kamailio.cfg is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
