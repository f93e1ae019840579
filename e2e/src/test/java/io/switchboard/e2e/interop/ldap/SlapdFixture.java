package io.switchboard.e2e.interop.ldap;

import static org.awaitility.Awaitility.await;

import io.switchboard.e2e.interop.ldap.DirectoryPeople.Person;
import io.switchboard.e2e.scenarios.TestProcesses;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's OpenLDAP slapd as a child process with a throwaway cn=config ({@link SlapdConfig}) in
 * a temp dir, seeded with {@link DirectoryPeople} before it starts, listening on
 * {@code ldap://} (StartTLS offered) and {@code ldaps://} on two free loopback ports.
 *
 * <p>Seeding goes through {@code slapadd -q} while slapd is down: it writes the mdb files
 * directly, which loads 30,000 people in seconds where LDAP adds (or slapadd without
 * {@code -q}, which syncs to disk per entry) take minutes. The directory is kept, and its path
 * logged, when a test of the class failed, so slapd's log can be read afterwards.
 *
 * <p>The interop profile requires slapd ({@code .ci/run} installs it): when it is missing the
 * fixture fails loudly rather than skipping.
 */
public final class SlapdFixture implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SlapdFixture.class);
    private static final String HOST = "127.0.0.1";
    private static final String BASE_DN = "dc=switchboard,dc=test";
    private static final String PEOPLE_BASE = "ou=people," + BASE_DN;
    private static final String ADMIN_DN = "cn=admin," + BASE_DN;
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/slapd"), Path.of("/usr/sbin/slapadd"),
            Path.of("/usr/sbin/slappasswd"));

    private final int peopleCount;
    private Path dir;
    private Path log;
    private Process process;
    private int ldapPort;
    private int ldapsPort;
    private LoopbackCertificate certificate;
    private List<Person> people = List.of();
    private Duration seedDuration;
    private Duration startDuration;
    private volatile boolean failed;
    /** The JUnit container that started slapd, which alone stops it. */
    private String owner;
    /** Kills slapd should the JVM end without {@link #stop} (a forked test JVM timed out): it would hold its ports. */
    private Thread killOnExit;

    /** A slapd holding {@code peopleCount} generated users plus the odd one (see {@link DirectoryPeople}). */
    public SlapdFixture(int peopleCount) {
        this.peopleCount = peopleCount;
    }

    /**
     * Starts slapd for the class that registered the fixture. JUnit hands a static extension of
     * a class to its {@code @Nested} classes as well: those calls find it running and leave it
     * alone, else a second slapd would replace (and leak) the first.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        start();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(owner)) {
            owner = null;
            stop(failed || context.getExecutionException().isPresent());
        }
    }

    /** Configures, seeds and starts slapd; returns once it answers a search on the ldap:// port. */
    public void start() throws Exception {
        requireInstalled();
        dir = Files.createTempDirectory("slapd-interop");
        Path confDir = Files.createDirectories(dir.resolve("slapd.d"));
        Path dbDir = Files.createDirectories(dir.resolve("db"));
        certificate = LoopbackCertificate.create(dir);
        SlapdConfig config = new SlapdConfig(dir, dbDir, BASE_DN, ADMIN_DN, hash(ADMIN_PASSWORD),
                certificate.certificatePem(), certificate.keyPem());
        Path configLdif = dir.resolve("config.ldif");
        Files.writeString(configLdif, config.ldif());
        TestProcesses.run(dir, Duration.ofSeconds(30), "slapadd", "-n0", "-F", confDir.toString(),
                "-l", configLdif.toString());
        seed(confDir);
        ldapPort = TestProcesses.freePort();
        ldapsPort = TestProcesses.freePort();
        log = dir.resolve("slapd.log");
        long started = System.nanoTime();
        // -d keeps slapd in the foreground (our child, stopped by SIGTERM) and logs to stderr.
        // Level "none" still prints start, stop and fatal errors (a port in use, a bad config);
        // level 0 prints nothing at all. No per-operation logging: benchmarks run on this too.
        // Running as root: no -u/-g needed.
        process = new ProcessBuilder("slapd", "-d", "none", "-F", confDir.toString(),
                "-h", ldapUrl() + "/ " + ldapsUrl() + "/").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process child = process;
        killOnExit = new Thread(child::destroyForcibly, "slapd-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        awaitServing();
        startDuration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("slapd serving {} people on {} and {} after {} ms (dir {})", people.size(), ldapUrl(), ldapsUrl(),
                startDuration.toMillis(), dir);
    }

    /** Stops slapd; keeps the directory (and says where) when asked to, deletes it otherwise. */
    public void stop(boolean keepFiles) throws Exception {
        TestProcesses.stop(process, Duration.ofSeconds(10));
        if (killOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            killOnExit = null;
        }
        if (keepFiles && dir != null) {
            LOG.warn("slapd files kept for inspection in {}", dir);
        } else {
            TestProcesses.deleteTree(dir);
        }
    }

    private static void requireInstalled() {
        for (Path tool : TOOLS) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: the interop suite needs Debian's slapd "
                        + "(apt-get install slapd ldap-utils, as .ci/run does)");
            }
        }
    }

    /** slappasswd's default {SSHA}: what a real directory stores, and what slapd checks binds against. */
    private String hash(String password) throws IOException, InterruptedException {
        return TestProcesses.run(dir, Duration.ofSeconds(30), "slappasswd", "-s", password).strip();
    }

    private void seed(Path confDir) throws IOException, InterruptedException {
        people = DirectoryPeople.generate(peopleCount);
        Path ldif = dir.resolve("people.ldif");
        DirectoryPeople.writeLdif(ldif, BASE_DN, PEOPLE_BASE, people, hash(DirectoryPeople.PASSWORD));
        long started = System.nanoTime();
        // -q: no per-entry sync and fewer checks; a crash would leave an unusable database,
        // which for a throwaway one is no loss
        TestProcesses.run(dir, Duration.ofMinutes(10), "slapadd", "-q", "-F", confDir.toString(), "-b", BASE_DN,
                "-l", ldif.toString());
        seedDuration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("slapadd loaded {} people in {} ms", people.size(), seedDuration.toMillis());
    }

    /** Polls until an anonymous search of the suffix succeeds and ldaps:// accepts connections. */
    private void awaitServing() throws IOException, InterruptedException {
        try {
            await("slapd answering on " + ldapUrl()).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("slapd exited with " + process.exitValue()
                                    + "; its output:\n" + output());
                        }
                        return answersSearch() && accepts(ldapsPort);
                    });
        } catch (ConditionTimeoutException e) {
            TestProcesses.stop(process, Duration.ofSeconds(10));
            throw new IllegalStateException("slapd did not answer on " + ldapUrl() + " within " + START_TIMEOUT
                    + "; its output:\n" + output(), e);
        }
    }

    private boolean answersSearch() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(500);
        options.setResponseTimeoutMillis(2_000);
        try (LDAPConnection connection = new LDAPConnection(options, HOST, ldapPort)) {
            return connection.getEntry(BASE_DN) != null;
        } catch (LDAPException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What slapd printed (its stderr at debug level "none": start, stop and fatal errors). */
    public String output() throws IOException {
        return log != null && Files.exists(log) ? Files.readString(log) : "";
    }

    /** Whether a test of the class using this fixture failed (then files are kept). */
    public boolean failed() {
        return failed;
    }

    public String host() {
        return HOST;
    }

    public int ldapPort() {
        return ldapPort;
    }

    public int ldapsPort() {
        return ldapsPort;
    }

    /** {@code ldap://127.0.0.1:port} (plain, StartTLS offered). */
    public String ldapUrl() {
        return "ldap://" + HOST + ":" + ldapPort;
    }

    /** {@code ldaps://127.0.0.1:port} (TLS from the first byte). */
    public String ldapsUrl() {
        return "ldaps://" + HOST + ":" + ldapsPort;
    }

    /** The suffix, {@code dc=switchboard,dc=test}. */
    public String baseDn() {
        return BASE_DN;
    }

    /** Where the people are, {@code ou=people,dc=switchboard,dc=test}. */
    public String peopleBase() {
        return PEOPLE_BASE;
    }

    /** The rootdn: no ACL and no size limit applies to it. */
    public String adminDn() {
        return ADMIN_DN;
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** The password every person binds with. */
    public String userPassword() {
        return DirectoryPeople.PASSWORD;
    }

    /** How many entries a plain (unpaged) search may return to anyone but the rootdn. */
    public int sizeLimit() {
        return SlapdConfig.SIZE_LIMIT;
    }

    /** The self-signed certificate slapd presents, to be put in a client's trusted list. */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** Everyone seeded below {@link #peopleBase()}, in LDIF order. */
    public List<Person> people() {
        return people;
    }

    /** How long slapadd took to load the people. */
    public Duration seedDuration() {
        return seedDuration;
    }

    /** From launching slapd to its first answered search. */
    public Duration startDuration() {
        return startDuration;
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }
}
