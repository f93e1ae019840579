package io.switchboard.bench.desktop;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsStore;
import io.switchboard.bench.signin.SignInTimer;
import io.switchboard.bench.signin.SmackSignInTimer;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The desktop client's numbers: cold start to a usable buddy list, sign-in to a usable buddy
 * list of 2,000 contacts, the longest FX-thread stall meanwhile, and resident memory after it.
 * Starts the bundled server in this JVM (a temporary data directory, one user with a roster of
 * {@code --contacts} items), then for every run starts the real client in a JVM of its own —
 * {@code io.switchboard.app.Main}, driven and watched by {@link DesktopClientProbe} — and
 * reads what the probe measured. Needs a display: run it under {@code xvfb-run -a}.
 */
@Command(name = "desktop-client", mixinStandardHelpOptions = true,
        description = "Cold start, sign-in with a big roster, FX-thread stalls and memory of the desktop client.")
public final class DesktopClientBench implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopClientBench.class);
    private static final String USER = "bench";
    private static final String PASSWORD_ENV = "SWITCHBOARD_BENCH_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "Client JVMs to start, one after another.")
    int runs;

    @Option(names = "--contacts", defaultValue = "2000", description = "Contacts on the user's roster.")
    int contacts;

    @Option(names = "--warm-sign-ins", defaultValue = "3",
            description = "In each client JVM: sign out and in again this many times after the cold sign-in.")
    int warmSignIns;

    @Option(names = "--client-jvm-option", description = "Extra option for the client JVM (repeatable), e.g. -Xmx256m.")
    List<String> clientJvmOptions = new ArrayList<>();

    @Option(names = "--client-jvm-options-file", defaultValue = "app/client-jvm.options",
            description = "The client's own JVM options (one per line, # comments), as its launcher uses them;"
                    + " 'none' for the JVM's defaults.")
    String clientJvmOptionsFile;

    @Option(names = "--app-cds", description = "Class data sharing as the launcher does it: one unmeasured client"
            + " run writes an archive of the loaded classes, the measured runs map it.")
    boolean appCds;

    @Option(names = "--server-warm-up", defaultValue = "40",
            description = "Sign-ins of the client's XMPP session (headless, in this JVM) before any client run, so the"
                    + " server's JIT has compiled the sign-in path, as on a server that has been up for a while; 0 for"
                    + " a fresh server.")
    int serverWarmUp;

    @Option(names = "--keep-client-logs", description = "Copy each client run's log (stdout and stderr) here.")
    Path keepClientLogs;

    @Option(names = "--timeout-seconds", defaultValue = "180", description = "Per client run.")
    long timeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DesktopClientBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getenv("DISPLAY") == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "No DISPLAY: the client needs one. Run this under xvfb-run -a (apt-get install xvfb libgtk-3-0).");
        }
        Path work = Files.createTempDirectory("switchboard-desktop-bench");
        ServerConfig config = ServerConfig.defaults().withPort(0).withSipPort(0).withXcapPort(0);
        String password = "bench-password";
        try (Database database = Database.open(config.database().jdbcUrl(work.resolve("server")),
                config.database().username(), config.database().password(), config.database().maximumPoolSize())) {
            CertificateManager certificates = CertificateManager.loadOrCreate(work.resolve("server"), config.domain());
            seed(database, config.domain(), password);
            SwitchboardServer server = SwitchboardServer.create(config, database, certificates);
            server.start();
            try {
                String serverText = "127.0.0.1:" + server.c2sPort();
                warmUpServer(server.c2sPort(), config.domain(), password, certificates.fingerprintSha256());
                List<String> jvmOptions = new ArrayList<>(clientOptionsFromFile());
                jvmOptions.addAll(clientJvmOptions);
                String classpath = System.getProperty("java.class.path");
                if (appCds) {
                    classpath = ClassPathJars.jarDirectories(classpath, work.resolve("jars"));
                    Path archive = work.resolve("client.jsa");
                    List<String> training = new ArrayList<>(jvmOptions);
                    training.add("-XX:ArchiveClassesAtExit=" + archive);
                    runClient(work.resolve("run-0-cds-training"), serverText, certificates.fingerprintSha256(), password,
                            config.domain(), training, classpath);
                    jvmOptions.add("-XX:SharedArchiveFile=" + archive);
                    out.printf("Class data sharing: archive of %d kB written by an unmeasured run%n",
                            Files.size(archive) / 1024);
                }
                out.printf("Client JVM options: %s%n", jvmOptions);
                List<Properties> results = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    Properties result = runClient(work.resolve("run-" + run), serverText,
                            certificates.fingerprintSha256(), password, config.domain(), jvmOptions, classpath);
                    results.add(result);
                    out.println(describe(run, result));
                    out.flush();
                }
                out.println(summary(results));
            } finally {
                server.stop();
            }
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    /**
     * Without this the server JVM compiles its sign-in path (C2, seconds of CPU) during the first client runs, on
     * the same two cores as the client: the client's stalls then measure the bench's fresh server.
     */
    private void warmUpServer(int port, String domain, String password, String fingerprint) throws Exception {
        if (serverWarmUp <= 0) {
            return;
        }
        SmackSignInTimer session = new SmackSignInTimer(USER, domain, password, "127.0.0.1", port, fingerprint,
                java.time.Duration.ofSeconds(30));
        long started = System.nanoTime();
        for (int i = 0; i < serverWarmUp; i++) {
            SignInTimer.SignIn signIn = session.signInOnce();
            if (signIn.rosterItems() != contacts) {
                throw new IllegalStateException("Server warm-up: the roster had " + signIn.rosterItems()
                        + " contacts, expected " + contacts);
            }
        }
        // what the JIT queued meanwhile is compiled before the first client starts
        TimeUnit.SECONDS.sleep(2);
        spec.commandLine().getOut().printf("Server warmed up by %d sign-ins in %d ms%n", serverWarmUp,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void seed(Database database, String domain, String password) throws Exception {
        new JdbcUserStore(database, domain).create(USER, password.toCharArray());
        JdbcRosterStore rosters = new JdbcRosterStore(database);
        for (int i = 0; i < contacts; i++) {
            // addresses without accounts, as a directory import leaves them: the roster, not presence traffic
            rosters.put(USER, new RosterItem(Address.of(String.format("colleague%05d", i), domain),
                    String.format("Colleague %05d", i), SubscriptionState.BOTH, false, false,
                    Set.of(String.format("Department %02d", i % 20))));
        }
        LOG.info("Seeded {} with {} contacts", USER, contacts);
    }

    /** The options the client's launcher uses, so the benchmark measures the client as shipped. */
    private List<String> clientOptionsFromFile() throws IOException {
        if ("none".equals(clientJvmOptionsFile)) {
            return List.of();
        }
        return Files.readAllLines(Path.of(clientJvmOptionsFile)).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private Properties runClient(Path dir, String serverText, String fingerprint, String password, String domain,
                                 List<String> jvmOptions, String classpath) throws Exception {
        Path home = dir.resolve("home");
        Path config = home.resolve("config");
        // trusted as the user would have after the first sign-in, so warm sign-ins need no certificate question
        new SettingsStore(config.resolve("switchboard").resolve("settings.json"))
                .save(AppSettings.defaults().withTrustedCertificate(serverText, fingerprint));
        Path resultFile = dir.resolve("probe.properties");
        Path log = dir.resolve("client.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dprism.verbose=true", "-cp", classpath,
                DesktopClientProbe.class.getName(), resultFile.toString(), Integer.toString(contacts),
                Integer.toString(warmSignIns), PASSWORD_ENV, "--",
                "--server", serverText, "--user", USER + "@" + domain, "--password-env", PASSWORD_ENV,
                "--trust-fingerprint", fingerprint));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PASSWORD_ENV, password);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        long launched = System.currentTimeMillis();
        Process client = builder.start();
        if (!client.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("client run did not finish in " + timeoutSeconds + " s; see " + log);
        }
        Properties result = new Properties();
        if (Files.exists(resultFile)) {
            try (InputStream in = Files.newInputStream(resultFile)) {
                result.load(in);
            }
        }
        if (client.exitValue() != 0 || !result.containsKey("done")) {
            throw new IllegalStateException("client run failed (exit " + client.exitValue() + "): "
                    + result.getProperty("error", "") + "\n" + Files.readString(log));
        }
        if (keepClientLogs != null) {
            Files.createDirectories(keepClientLogs);
            Files.copy(log, keepClientLogs.resolve(dir.getFileName() + "-client.log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        // the client's own account of where its sign-ins spent their time
        try (var lines = Files.lines(log)) {
            lines.filter(l -> l.contains(" signed in in ") || l.contains("Signing in:") || l.contains("Signed in as")).forEach(l -> LOG.info("client: {}", l));
        }
        long filled = Long.parseLong(result.getProperty("cold.filledEpochMs"));
        long jvmStart = Long.parseLong(result.getProperty("jvm.startEpochMs"));
        result.setProperty("coldStartMs", Long.toString(filled - launched));
        result.setProperty("jvmLaunchMs", Long.toString(jvmStart - launched));
        try (Stream<String> lines = Files.lines(log)) {
            // the pipeline Prism ended up with: under Xvfb ES2 fails its hardware check and falls back to SW
            lines.filter(l -> l.contains("Initialized prism pipeline:")).reduce((first, last) -> last)
                    .ifPresent(l -> result.setProperty("prismPipeline", l.replaceAll(".*pipeline: *", "").strip()));
        }
        return result;
    }

    private String describe(int run, Properties r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "run %d: cold start to %d contacts shown %s ms (JVM up after %s ms; sign-in part %s ms, main window"
                        + " after %s ms);"
                        + " longest FX stall %s ms (FX work %s ms; in it FX CPU %s ms, GC %s ms); RSS %s MB"
                        + " (heap used %s MB); pipeline %s",
                run, contacts, r.getProperty("coldStartMs"), r.getProperty("jvmLaunchMs"),
                r.getProperty("cold.signInMs"), r.getProperty("cold.mainShownMs"), r.getProperty("cold.longestStallMs"),
                r.getProperty("cold.busiestFxWorkMs"), r.getProperty("cold.longestStallFxCpuMs", "?"),
                r.getProperty("cold.longestStallGcMs", "?"), r.getProperty("rss.afterSignInMb"),
                r.getProperty("heap.usedAfterSignInMb"), r.getProperty("prismPipeline", "?")));
        for (int w = 1; w <= warmSignIns; w++) {
            s.append(String.format(Locale.ROOT,
                    "%n  warm sign-in %d: %s ms (main window after %s ms), longest FX stall %s ms (FX work %s ms;"
                            + " in it FX CPU %s ms, GC %s ms)",
                    w, r.getProperty("warm." + w + ".signInMs"), r.getProperty("warm." + w + ".mainShownMs"),
                    r.getProperty("warm." + w + ".longestStallMs"),
                    r.getProperty("warm." + w + ".busiestFxWorkMs"),
                    r.getProperty("warm." + w + ".longestStallFxCpuMs", "?"),
                    r.getProperty("warm." + w + ".longestStallGcMs", "?")));
        }
        s.append(String.format(Locale.ROOT, "%n  RSS at exit %s MB", r.getProperty("rss.endMb")));
        return s.toString();
    }

    private String summary(List<Properties> results) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%nMedians over %d client JVMs (%d contacts):%n", results.size(), contacts));
        line(s, "cold start to usable buddy list (ms)", results, "coldStartMs");
        line(s, "cold sign-in to usable buddy list (ms)", results, "cold.signInMs");
        line(s, "cold sign-in to main window shown (ms)", results, "cold.mainShownMs");
        line(s, "cold sign-in: longest FX stall (ms)", results, "cold.longestStallMs");
        line(s, "cold sign-in: longest FX work (ms)", results, "cold.busiestFxWorkMs");
        line(s, "cold sign-in: GC in the longest stall (ms)", results, "cold.longestStallGcMs");
        line(s, "RSS 2 s after the cold sign-in (MB)", results, "rss.afterSignInMb");
        List<Properties> warm = new ArrayList<>();
        for (Properties r : results) {
            for (int w = 1; w <= warmSignIns; w++) {
                Properties one = new Properties();
                one.setProperty("signInMs", r.getProperty("warm." + w + ".signInMs"));
                one.setProperty("mainShownMs", r.getProperty("warm." + w + ".mainShownMs"));
                one.setProperty("longestStallMs", r.getProperty("warm." + w + ".longestStallMs"));
                one.setProperty("busiestFxWorkMs", r.getProperty("warm." + w + ".busiestFxWorkMs"));
                one.setProperty("longestStallGcMs", r.getProperty("warm." + w + ".longestStallGcMs", "0"));
                warm.add(one);
            }
        }
        if (!warm.isEmpty()) {
            line(s, "warm sign-in to usable buddy list (ms)", warm, "signInMs");
            line(s, "warm sign-in to main window shown (ms)", warm, "mainShownMs");
            line(s, "warm sign-in: longest FX stall (ms)", warm, "longestStallMs");
            line(s, "warm sign-in: longest FX work (ms)", warm, "busiestFxWorkMs");
            line(s, "warm sign-in: GC in the longest stall (ms)", warm, "longestStallGcMs");
        }
        line(s, "RSS at exit (MB)", results, "rss.endMb");
        return s.toString();
    }

    private static void line(StringBuilder s, String what, List<Properties> results, String key) {
        List<Double> values = results.stream().map(r -> Double.parseDouble(r.getProperty(key))).sorted().toList();
        double median = values.size() % 2 == 1 ? values.get(values.size() / 2)
                : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
        s.append(String.format(Locale.ROOT, "  %-42s median %8.1f  min %8.1f  max %8.1f  (n=%d)%n", what, median,
                values.get(0), values.get(values.size() - 1), values.size()));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
