package io.switchboard.bench.ldap;

import io.switchboard.bench.ldap.DirectoryPeople.Person;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's OpenLDAP slapd as a child process with a throwaway cn=config ({@link SlapdConfig}) in
 * a temp dir, seeded with {@link DirectoryPeople} before it starts, listening on
 * {@code ldap://} (StartTLS offered) and {@code ldaps://} on two free loopback ports. The e2e
 * tests wrap it in a JUnit extension ({@code SlapdFixture}); {@code bench directory} uses it as is.
 *
 * <p>Seeding goes through {@code slapadd -q} while slapd is down: it writes the mdb files
 * directly, which loads 30,000 people in seconds where LDAP adds (or slapadd without
 * {@code -q}, which syncs to disk per entry) take minutes.
 */
public final class Slapd implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Slapd.class);
    public static final String HOST = "127.0.0.1";
    public static final String BASE_DN = "dc=switchboard,dc=test";
    public static final String PEOPLE_BASE = "ou=people," + BASE_DN;
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    public static final String ADMIN_PASSWORD = "admin-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/slapd"), Path.of("/usr/sbin/slapadd"),
            Path.of("/usr/sbin/slappasswd"));

    private final Path dir;
    private final LoopbackCertificate certificate;
    private final List<Person> people;
    private final Duration seedDuration;
    private final int ldapPort;
    private final int ldapsPort;
    private final Path log;
    private Process process;
    private Duration startDuration;
    /** Kills slapd should the JVM end without {@link #stop}: it would hold its ports. */
    private Thread killOnExit;

    private Slapd(Path dir, LoopbackCertificate certificate, List<Person> people, Duration seedDuration,
                  int ldapPort, int ldapsPort) {
        this.dir = dir;
        this.certificate = certificate;
        this.people = people;
        this.seedDuration = seedDuration;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
        this.log = dir.resolve("slapd.log");
    }

    /**
     * Configures slapd for {@code peopleCount} generated people plus the odd one, seeds them, starts
     * it and returns once it answers a search; on failure nothing is left running.
     */
    public static Slapd start(int peopleCount) throws IOException, InterruptedException, GeneralSecurityException {
        requireInstalled();
        Path dir = Files.createTempDirectory("slapd-interop");
        Path confDir = Files.createDirectories(dir.resolve("slapd.d"));
        Path dbDir = Files.createDirectories(dir.resolve("db"));
        LoopbackCertificate certificate = LoopbackCertificate.create(dir);
        SlapdConfig config = new SlapdConfig(dir, dbDir, BASE_DN, ADMIN_DN, hash(dir, ADMIN_PASSWORD),
                certificate.certificatePem(), certificate.keyPem());
        Path configLdif = dir.resolve("config.ldif");
        Files.writeString(configLdif, config.ldif());
        ChildProcesses.run(dir, Duration.ofSeconds(30), "slapadd", "-n0", "-F", confDir.toString(),
                "-l", configLdif.toString());
        List<Person> people = DirectoryPeople.generate(peopleCount);
        Duration seeded = seed(dir, confDir, people);
        Slapd slapd = new Slapd(dir, certificate, people, seeded, ChildProcesses.freePort(), ChildProcesses.freePort());
        slapd.launch(confDir);
        return slapd;
    }

    private static void requireInstalled() {
        for (Path tool : TOOLS) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: this needs Debian's slapd "
                        + "(apt-get install slapd ldap-utils, as .ci/run does)");
            }
        }
    }

    /** slappasswd's default {SSHA}: what a real directory stores, and what slapd checks binds against. */
    private static String hash(Path dir, String password) throws IOException, InterruptedException {
        return ChildProcesses.run(dir, Duration.ofSeconds(30), "slappasswd", "-s", password).strip();
    }

    private static Duration seed(Path dir, Path confDir, List<Person> people) throws IOException, InterruptedException {
        Path ldif = dir.resolve("people.ldif");
        DirectoryPeople.writeLdif(ldif, BASE_DN, PEOPLE_BASE, people, hash(dir, DirectoryPeople.PASSWORD));
        long started = System.nanoTime();
        // -q: no per-entry sync and fewer checks; a crash would leave an unusable database,
        // which for a throwaway one is no loss
        ChildProcesses.run(dir, Duration.ofMinutes(10), "slapadd", "-q", "-F", confDir.toString(), "-b", BASE_DN,
                "-l", ldif.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("slapadd loaded {} people in {} ms", people.size(), took.toMillis());
        return took;
    }

    private void launch(Path confDir) throws IOException, InterruptedException {
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

    /**
     * Polls until an anonymous search of the suffix succeeds and ldaps:// accepts connections; fails
     * with slapd's output when it exits or does not get there within {@link #START_TIMEOUT}.
     */
    private void awaitServing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(answersSearch() && accepts(ldapsPort))) {
            if (!process.isAlive()) {
                String output = output();
                stop(true);
                throw new IllegalStateException("slapd exited with " + process.exitValue() + "; its output:\n" + output);
            }
            if (System.nanoTime() > deadline) {
                String output = output();
                stop(true);
                throw new IllegalStateException("slapd did not answer on " + ldapUrl() + " within " + START_TIMEOUT
                        + "; its output:\n" + output);
            }
            // the poll interval of a bounded wait for a process we cannot be notified by
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
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

    /** Stops slapd; keeps the directory (and says where) when asked to, deletes it otherwise. */
    public void stop(boolean keepFiles) throws IOException, InterruptedException {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
        if (killOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            killOnExit = null;
        }
        if (keepFiles) {
            LOG.warn("slapd files kept for inspection in {}", dir);
        } else {
            ChildProcesses.deleteTree(dir);
        }
    }

    /** Stops slapd and deletes its files. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop(false);
    }

    /** An unbound connection to the ldap:// port (no TLS), with short timeouts. */
    public LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(30_000);
        return new LDAPConnection(options, HOST, ldapPort);
    }

    /** A connection bound as the rootdn, for changing the directory as its administrator would. */
    public LDAPConnection connectAsAdmin() throws LDAPException {
        LDAPConnection connection = connect();
        try {
            connection.bind(ADMIN_DN, ADMIN_PASSWORD);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** What slapd printed (its stderr at debug level "none": start, stop and fatal errors). */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
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

    /** The self-signed certificate slapd presents, to be put in a client's trusted list. */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** The same certificate as a PEM file, for configuration that names a file of trusted certificates. */
    public Path certificatePem() {
        return certificate.certificatePem();
    }

    /** Everyone seeded below {@link #PEOPLE_BASE}, in LDIF order. */
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

    /** slapd's temp dir: configuration, database, certificate, log. */
    public Path directory() {
        return dir;
    }
}
