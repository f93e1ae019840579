package io.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.ServerConfigFile;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import picocli.CommandLine;

class ServerCommandTest {

    @TempDir
    Path dataDir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** A stand-in for the composition root: records what the launcher gives it and stops at once. */
    static final class RecordingRuntime implements ServerRuntime {
        final List<String> calls = new ArrayList<>();
        ServerConfig config;
        List<String> usersSeenAtStart;

        @Override
        public void start() {
            calls.add("start");
        }

        @Override
        public void awaitShutdown() {
            calls.add("await");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }

    private int execute(ServerRuntimeFactory factory, String... args) {
        CommandLine commandLine = ServerCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int execute(String... args) {
        return execute(SwitchboardServer::create, args);
    }

    private String dir() {
        return dataDir.toString();
    }

    private Path passwordFile(String password) throws Exception {
        Path file = Files.createTempFile(dataDir, "pw", ".txt");
        Files.writeString(file, password + "\n");
        return file;
    }

    @Test
    void userAddListPasswdRemoveRoundTrip() throws Exception {
        assertThat(execute("user", "add", "Bob", "--password-file", passwordFile("first").toString(), "--data-dir", dir()))
                .isZero();
        assertThat(out.toString()).contains("Created user bob@localhost");

        assertThat(execute("user", "list", "--data-dir", dir())).isZero();
        assertThat(out.toString()).containsPattern("(?m)^bob$");

        assertThat(execute("user", "passwd", "bob", "--password-file", passwordFile("second").toString(),
                "--data-dir", dir())).isZero();
        try (Database db = openDatabase()) {
            assertThat(new JdbcUserStore(db, "localhost").credential("bob", ScramHash.SHA_256).orElseThrow()
                    .matches("second".toCharArray())).isTrue();
        }

        assertThat(execute("user", "remove", "bob", "--data-dir", dir())).isZero();
        try (Database db = openDatabase()) {
            assertThat(new JdbcUserStore(db, "localhost").list()).isEmpty();
        }
    }

    @Test
    void addingAnExistingUserFailsWithExitCodeOneAndAMessage() throws Exception {
        Path pw = passwordFile("x");
        execute("user", "add", "carol", "--password-file", pw.toString(), "--data-dir", dir());

        int code = execute("user", "add", "carol", "--password-file", pw.toString(), "--data-dir", dir());

        assertThat(code).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("Error: User 'carol' already exists");
    }

    @Test
    void anInvalidNameFailsWithTheReason() throws Exception {
        int code = execute("user", "add", "a:b", "--password-file", passwordFile("x").toString(), "--data-dir", dir());

        assertThat(code).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("forbidden character ':'");
    }

    @Test
    void removingAnUnknownUserFails() {
        assertThat(execute("user", "remove", "nobody", "--data-dir", dir())).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("There is no user 'nobody'");
    }

    @Test
    void aMissingPasswordFileIsAUsageError() {
        int code = execute("user", "add", "dave", "--password-file", dataDir.resolve("absent").toString(), "--data-dir", dir());

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Cannot read the password file");
    }

    @Test
    void directorySyncReadsTheEmbeddedDirectoryAndStatusShowsTheRun() throws Exception {
        Files.writeString(dataDir.resolve("server.yaml"), "directory:\n  source: EMBEDDED\n");

        assertThat(execute("directory", "sync", "--full", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("Full sync").contains("36 people, 36 added");

        assertThat(execute("directory", "status", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("People: 36 synchronised, 0 of them disabled");
        assertThat(execute("user", "list", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("alice").contains("zoe");
    }

    @Test
    void directorySyncWithoutADirectoryIsAUsageError() {
        assertThat(execute("directory", "sync", "--data-dir", dir())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("No directory is configured");
    }

    @Test
    void demoSeedPrintsTheDemoCredentialsAndIsIdempotent() throws Exception {
        assertThat(execute("demo", "seed", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("alice@localhost").contains("password \"demo\"").contains("Created 36 user(s)")
                .contains("36 desk line(s)").containsPattern("Desk lines \\([^)]*\\): 1001=alice 1002=bob 1003=carol ");

        assertThat(execute("demo", "seed", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("Created 0 user(s), 0 desk line(s), added 0 roster item(s)");
    }

    @Test
    void demoSeedFillsAlicesMailboxAndMailboxSetChangesIt() throws Exception {
        assertThat(execute("demo", "seed", "--data-dir", dir())).isZero();
        assertThat(execute("mailbox", "show", "alice", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("Voice mailbox of alice@localhost: 2 new, 1 old");

        assertThat(execute("mailbox", "set", "Alice", "--new", "0", "--old", "5", "--data-dir", dir())).isZero();
        assertThat(execute("mailbox", "show", "alice", "--data-dir", dir())).isZero();
        assertThat(out.toString()).contains("Voice mailbox of alice@localhost: 0 new, 5 old");
        // a changed mailbox is the user's: seeding again leaves it alone
        assertThat(execute("demo", "seed", "--data-dir", dir())).isZero();
        assertThat(execute("mailbox", "show", "alice", "--data-dir", dir())).isZero();
        assertThat(out.toString()).endsWith("Voice mailbox of alice@localhost: 0 new, 5 old" + System.lineSeparator());
    }

    @Test
    void mailboxSetRefusesUnknownUsersAndNegativeCounts() throws Exception {
        assertThat(execute("mailbox", "set", "nobody", "--new", "1", "--data-dir", dir()))
                .isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("There is no user 'nobody'");
        assertThat(execute("mailbox", "show", "nobody", "--data-dir", dir())).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(execute("demo", "seed", "--data-dir", dir())).isZero();
        assertThat(execute("mailbox", "set", "bob", "--new", "-1", "--data-dir", dir()))
                .isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("message counts must be between 0 and");
    }

    @Test
    void runStartsTheRealServerWhichAcceptsClientsUntilItIsStopped() throws Exception {
        AtomicReference<SwitchboardServer> started = new AtomicReference<>();
        ServerRuntimeFactory onFreePort = (config, database, certificates) -> {
            SwitchboardServer server = SwitchboardServer.create(config.withPort(0).withSipPort(0).withXcapPort(0), database, certificates);
            started.set(server);
            return server;
        };
        ExecutorService launcher = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = launcher.submit(() -> execute(onFreePort, "run", "--data-dir", dir(), "--demo"));

            await().atMost(Duration.ofSeconds(30)).until(() -> listening(started.get()));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), started.get().c2sPort())) {
                assertThat(client.isConnected()).isTrue();
            }
            // listening comes a moment before the launcher prints that it is running
            await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("Certificate SHA-256 fingerprint"));
            assertThat(out.toString()).contains("is running");
            assertThat(dataDir.resolve(ServerConfigFile.FILE_NAME)).isRegularFile();
            assertThat(dataDir.resolve(CertificateManager.KEYSTORE_FILE)).isRegularFile();
            await().atMost(Duration.ofSeconds(10)).until(() -> started.get().presenceEngine()
                    .composedPresence(Address.of("carol", "localhost")).availability() != Availability.OFFLINE);

            started.get().stop();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            launcher.shutdownNow();
        }
    }

    private static boolean listening(SwitchboardServer server) {
        if (server == null) {
            return false;
        }
        try {
            return server.c2sPort() > 0;
        } catch (IllegalStateException notStartedYet) {
            return false;
        }
    }

    @Test
    void runStartsAwaitsAndStopsTheRuntimeWithTheOverriddenConfigurationAndDemoUsers() {
        RecordingRuntime runtime = new RecordingRuntime();
        AtomicReference<Database> given = new AtomicReference<>();
        ServerRuntimeFactory factory = (config, database, certificates) -> {
            runtime.config = config;
            given.set(database);
            runtime.usersSeenAtStart = new JdbcUserStore(database, config.domain()).list();
            assertThat(certificates.fingerprintSha256()).isNotBlank();
            return runtime;
        };

        int code = execute(factory, "run", "--data-dir", dir(), "--port", "15222", "--demo");

        assertThat(code).isZero();
        assertThat(runtime.calls).containsExactly("start", "await", "stop");
        assertThat(runtime.config.c2s().port()).isEqualTo(15222);
        assertThat(runtime.usersSeenAtStart).contains("alice", "erin");
        assertThat(runtime.config.demo().botsEnabled()).isTrue();
        assertThat(out.toString()).contains("running on 127.0.0.1:15222").contains("fingerprint");
        assertThat(((com.zaxxer.hikari.HikariDataSource) given.get().dataSource()).isClosed())
                .as("the launcher closes the database after the server stopped").isTrue();
    }

    @Test
    void noBotsKeepsTheDemoUsersButNotTheSimulatedColleagues() {
        RecordingRuntime runtime = new RecordingRuntime();
        ServerRuntimeFactory factory = (config, database, certificates) -> {
            runtime.config = config;
            return runtime;
        };

        assertThat(execute(factory, "run", "--data-dir", dir(), "--demo", "--no-bots")).isZero();

        assertThat(runtime.config.demo().seedUsers()).isTrue();
        assertThat(runtime.config.demo().botsEnabled()).isFalse();
    }

    @Test
    void runIsTheDefaultCommand() {
        RecordingRuntime runtime = new RecordingRuntime();

        int code = execute((config, database, certificates) -> runtime, "--data-dir", dir());

        assertThat(code).isZero();
        assertThat(runtime.calls).containsExactly("start", "await", "stop");
    }

    @Test
    void anUnknownConfigurationKeyStopsTheStartWithTheKeyNamed() throws Exception {
        Files.writeString(dataDir.resolve(ServerConfigFile.FILE_NAME), "c2s:\n  tls-requierd: false\n");

        int code = execute((config, database, certificates) -> new RecordingRuntime(), "run", "--data-dir", dir());

        assertThat(code).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("Unknown setting 'c2s.tls-requierd'");
    }

    @Test
    void optionsBeforeASubcommandAreRefusedRatherThanSilentlyIgnored() {
        int code = execute("--data-dir", dir(), "user", "list");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Put options after the command");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(execute("user", "list", "--no-such-option")).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    private Database openDatabase() throws Exception {
        ServerConfig config = new ServerConfigFile().load(dataDir.resolve(ServerConfigFile.FILE_NAME));
        return Database.open(config.database().jdbcUrl(dataDir), "sa", "", 1);
    }

    @Test
    void versionIsTheStampedBuildVersion() {
        int exit = execute("--version");
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Switchboard server " + io.switchboard.core.version.SwitchboardVersion.current())
                .doesNotContain("${").containsPattern("Switchboard server \\d+\\.\\d+\\.\\d+");
    }
}
