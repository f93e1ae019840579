package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.demo.DemoBots;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDeskLineStore;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcVoiceMailboxStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.tls.CertificateManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code run}: prepares the data directory, configuration, database and certificate, builds
 * the server through a {@link ServerRuntimeFactory}, starts it and waits until it stops
 * (Ctrl+C or a service manager's SIGTERM run the shutdown hook).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the server (the default when no command is given).")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** How long the shutdown hook lets the launcher close the database before the JVM exits. */
    private static final long CLOSE_GRACE_SECONDS = 15;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOptions dataDir = new DataDirOptions();

    @Mixin
    RunOptions options = new RunOptions();

    private final ServerRuntimeFactory factory;

    public RunCommand(ServerRuntimeFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Integer call() throws Exception {
        return run(dataDir, options, spec.commandLine(), factory);
    }

    /** Shared by {@code run} and the bare top-level command. */
    static int run(DataDirOptions dataDir, RunOptions options, CommandLine commandLine, ServerRuntimeFactory factory)
            throws Exception {
        PrintWriter out = commandLine.getOut();
        ServerEnvironment environment = new ServerEnvironment(dataDir);
        ServerConfig config = environment.loadConfig();
        if (options.port != null) {
            config = config.withPort(options.port);
        }
        if (options.demo) {
            config = config.withDemoUsers(true);
            if (config.directory().source() == UserDirectoryConfig.Source.NONE) {
                // the demo company comes from a directory, as people do at work (ADR 0029)
                config = config.withDirectory(config.directory().withSource(UserDirectoryConfig.Source.EMBEDDED));
            }
        }
        if (options.noBots) {
            config = config.withDemoBots(false);
        }
        config.validate();
        LOG.info("Data directory {}", environment.dataDirectory());

        CountDownLatch closed = new CountDownLatch(1);
        try (Database database = environment.openDatabase(config)) {
            CertificateManager certificates = CertificateManager.loadOrCreate(environment.dataDirectory(), config.domain());
            if (config.demo().seedUsers()) {
                DemoCommand.printSeeded(out, config.domain(), new DemoDirectory(new JdbcUserStore(database, config.domain()),
                        new JdbcRosterStore(database), new JdbcVoiceMailboxStore(database),
                        new JdbcDeskLineStore(database), config.domain()).seed());
                if (config.demo().botsEnabled()) {
                    // bin/switchboard-demo reads this line too: bots get no desk phone
                    out.printf("Simulated colleagues (bots): %s%n", String.join(" ", DemoBots.USERNAMES));
                    out.flush();
                }
            }
            ServerRuntime runtime = factory.create(config, database, certificates);
            Thread hook = new Thread(() -> {
                runtime.stop();
                awaitQuietly(closed);
            }, "switchboard-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runtime.start();
                out.printf("Switchboard server for domain '%s' is running on %s:%d (TLS %s).%n",
                        config.domain(), config.c2s().bindHost(), config.c2s().port(),
                        config.c2s().tlsRequired() ? "required" : "optional");
                if (config.sip().enabled()) {
                    out.printf("SIP (registrar, presence, MESSAGE) on %s:%d over %s%s.%n", config.sip().host(),
                            config.sip().port(), config.sip().plainTransports(),
                            config.sip().tls() ? ", TLS on port " + config.sip().tlsPort() : "");
                }
                runtime.directoryDescription().ifPresent(directory -> out.printf(
                        "People directory: %s (people sign in with their directory password)%n", directory));
                out.printf("Certificate SHA-256 fingerprint: %s%n", certificates.fingerprintSha256());
                out.println("Press Ctrl+C to stop.");
                out.flush();
                runtime.awaitShutdown();
            } finally {
                runtime.stop();
                removeQuietly(hook);
            }
        } finally {
            closed.countDown();
        }
        LOG.info("Server stopped");
        return CommandLine.ExitCode.OK;
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and waits for us
        }
    }
}
