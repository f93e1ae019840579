package io.switchboard.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.bench.client.Account;
import io.switchboard.bench.client.LoadClient;
import io.switchboard.bench.load.PresenceDriver;
import io.switchboard.bench.load.PresenceLoadReport;
import io.switchboard.bench.load.Population;
import io.switchboard.bench.load.RingRoster;
import io.switchboard.bench.measure.CpuTime;
import io.switchboard.bench.measure.MemoryProbe;
import io.switchboard.bench.measure.RssProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scenario presence-load: N users online and idle, then presence changes at a fixed rate. */
@Command(name = "presence-load", mixinStandardHelpOptions = true,
        description = "Log in N users (ring rosters), measure memory per idle session, then change presence "
                + "at a fixed rate and measure propagation latency and loss.")
final class PresenceLoadCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceLoadCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--label", defaultValue = "server", description = "Name of the server in the report.")
    String label;

    @Option(names = "--users", defaultValue = "500")
    int users;

    @Option(names = "--contacts", defaultValue = "30")
    int contacts;

    @Option(names = "--rate", defaultValue = "1000", description = "Presence changes per second, all users together.")
    double rate;

    @Option(names = "--duration", defaultValue = "10", description = "Seconds of presence load.")
    int durationSeconds;

    @Option(names = "--max-in-flight", defaultValue = "200", description = "Logins under way at once.")
    int maxInFlight;

    @Option(names = "--ramp-timeout", defaultValue = "900", description = "Seconds all logins may take.")
    int rampTimeoutSeconds;

    @Option(names = "--idle", defaultValue = "5", description = "Seconds to stay idle before reading memory.")
    int idleSeconds;

    @Option(names = "--drain", defaultValue = "15", description = "Seconds to wait for late deliveries.")
    int drainSeconds;

    @Option(names = "--memory-probe", defaultValue = "none",
            description = "jvm:<pid> (heap via jcmd), rss:<pid> (/proc VmRSS) or none.")
    String memoryProbeSpec;

    @Option(names = "--server-pid", defaultValue = "-1",
            description = "Process id of the server, to report the CPU time it used (from /proc).")
    long serverPid;

    @Option(names = "--json-out", description = "Append the report as one JSON line to this file.")
    Path jsonOut;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random sender choice.")
    long seed;

    @Override
    public Integer call() throws Exception {
        RingRoster ring = new RingRoster(users, contacts);
        MemoryProbe probe = MemoryProbe.parse(memoryProbeSpec);
        long before = probe == null ? -1 : probe.bytes();
        long rssBefore = serverRss();
        LOG.info("{}: memory before {} bytes", label, before);
        List<Account> accounts = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            accounts.add(new Account(i, RingRoster.username(i), server.domain, RingRoster.password(i)));
        }
        try (LoadClient client = new LoadClient(server.address(), server.threads,
                TimeUnit.SECONDS.toMillis(server.loginTimeoutSeconds))) {
            Population population = new Population(client, accounts, maxInFlight);
            double serverCpuStart = serverCpu();
            population.connectAll().get(rampTimeoutSeconds, TimeUnit.SECONDS);
            LOG.info("{}: {} online, {} failed; idle {} s", label, population.online(), population.failedLogins(),
                    idleSeconds);
            double serverCpuLogin = serverCpuStart < 0 ? -1 : serverCpu() - serverCpuStart;
            pause(idleSeconds);
            long after = probe == null ? -1 : probe.bytes();
            long rssAfter = serverRss();
            LOG.info("{}: memory after {} bytes", label, after);

            PresenceDriver driver = new PresenceDriver(population, ring, client.eventLoops().next(), rate,
                    Duration.ofSeconds(durationSeconds), seed);
            population.presenceSink(driver);
            double serverCpuLoadStart = serverCpu();
            double clientCpuLoadStart = CpuTime.ofThisProcess();
            long loadStart = System.nanoTime();
            driver.start().get(durationSeconds + 120L, TimeUnit.SECONDS);
            driver.drained(Duration.ofSeconds(drainSeconds)).get(drainSeconds + 30L, TimeUnit.SECONDS);
            PresenceDriver.Outcome outcome = driver.outcome().get(30, TimeUnit.SECONDS);
            PresenceLoadReport.CpuUse cpu = new PresenceLoadReport.CpuUse(serverCpuLogin,
                    serverCpuLoadStart < 0 ? -1 : serverCpu() - serverCpuLoadStart,
                    CpuTime.ofThisProcess() - clientCpuLoadStart, (System.nanoTime() - loadStart) / 1e9);
            population.closeAll();

            PresenceLoadReport report = PresenceLoadReport.of(label, population, ring,
                    probe == null ? "none" : probe.kind(), before, after, rssBefore, rssAfter, rate, durationSeconds, outcome,
                    cpu);
            PrintWriter out = spec.commandLine().getOut();
            out.print(report.toTable());
            String json = new ObjectMapper().writeValueAsString(report);
            out.println(json);
            out.flush();
            if (jsonOut != null) {
                Files.writeString(jsonOut, json + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return population.online() > 0 ? 0 : 1;
        }
    }

    /** The server's RSS as well, so a JVM and Prosody can also be compared on the same measure. */
    private long serverRss() throws MemoryProbe.ProbeException {
        return serverPid > 0 ? new RssProbe(serverPid).bytes() : -1;
    }

    private double serverCpu() {
        return serverPid > 0 ? CpuTime.ofProcess(serverPid) : -1;
    }

    /** Waits without sleeping a thread of ours: a delayed executor completes the future. */
    static void pause(int seconds) throws Exception {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS))
                .get(seconds + 10L, TimeUnit.SECONDS);
    }
}
