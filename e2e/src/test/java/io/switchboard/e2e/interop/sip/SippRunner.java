package io.switchboard.e2e.interop.sip;

import io.switchboard.e2e.scenarios.TestProcesses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SIPp ({@code sipp}, Debian package sip-tester) with one of the scenario files under
 * {@code sipp/} on the test class path against a target on loopback, and collects its exit
 * code, its call counters (from {@code -trace_stat}) and its message trace ({@code -trace_msg}).
 * Every run has a timeout (SIPp's own {@code -timeout} and a harder one on the process).
 * The work directory holds scenarios, injection files and traces; {@link #close(boolean)}
 * keeps it when a test failed.
 */
public final class SippRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SippRunner.class);

    public enum Transport {
        UDP("u1"), TCP("t1");

        private final String mode;

        Transport(String mode) {
            this.mode = mode;
        }
    }

    /** One injection-file row as the scenarios expect it: user, domain, credentials, peer. */
    public record Account(String user, String domain, String password, String peer) {
        String row() {
            return user + ";" + domain + ";[authentication username=" + user + " password=" + password + "];" + peer + ";";
        }
    }

    /**
     * One SIPp run.
     *
     * @param scenario  file name under {@code sipp/} (e.g. {@code register.xml})
     * @param target    host:port of the server
     * @param localPort the port SIPp binds (0: a free one)
     * @param accounts  injection rows, used in sequence, one per call
     * @param keywords  {@code -key} values the scenario uses ([expires], [note], ...)
     * @param calls     calls to run ({@code -m})
     * @param timeout   overall limit
     * @param rate      new calls per second ({@code -r}); 0 for SIPp's default (10)
     */
    public record Run(String scenario, String target, Transport transport, int localPort, List<Account> accounts,
                      Map<String, String> keywords, int calls, Duration timeout, int rate) {
        public Run {
            accounts = List.copyOf(accounts);
            keywords = Map.copyOf(keywords);
        }

        public static Run of(String scenario, String target, Transport transport, Account account) {
            return new Run(scenario, target, transport, 0, List.of(account), Map.of(), 1, Duration.ofSeconds(30), 0);
        }

        public Run withKeyword(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(keywords);
            copy.put(name, value);
            return new Run(scenario, target, transport, localPort, accounts, copy, calls, timeout, rate);
        }

        public Run withLocalPort(int port) {
            return new Run(scenario, target, transport, port, accounts, keywords, calls, timeout, rate);
        }

        public Run withCalls(int n) {
            return new Run(scenario, target, transport, localPort, accounts, keywords, n, timeout, rate);
        }

        public Run withTimeout(Duration limit) {
            return new Run(scenario, target, transport, localPort, accounts, keywords, calls, limit, rate);
        }

        /** A storm: {@code perSecond} new calls a second. */
        public Run withRate(int perSecond) {
            return new Run(scenario, target, transport, localPort, accounts, keywords, calls, timeout, perSecond);
        }
    }

    /**
     * What a run left: SIPp's exit code (0 all calls succeeded, 1 some failed, 97/99/255 other
     * ends), the cumulative successful/failed call counters and the messages it saw.
     */
    public record Result(int exitCode, long successful, long failed, String messages, String output) {
        public boolean allSucceeded(int calls) {
            return exitCode == 0 && successful == calls && failed == 0;
        }

        @Override
        public String toString() {
            return "sipp exit " + exitCode + ", successful " + successful + ", failed " + failed + "\n" + output
                    + "\n--- messages ---\n" + messages;
        }
    }

    /** A run under way in the background. */
    public final class Running {
        private final Process process;
        private final Path messages;
        private final Path stats;
        private final Path output;
        private final Run run;

        private Running(Process process, Path messages, Path stats, Path output, Run run) {
            this.process = process;
            this.messages = messages;
            this.stats = stats;
            this.output = output;
            this.run = run;
        }

        /** The message trace so far (SIPp writes it as messages go and come). */
        public String messagesSoFar() {
            try {
                return Files.exists(messages) ? Files.readString(messages, StandardCharsets.ISO_8859_1) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int localPort() {
            return run.localPort();
        }

        /**
         * Waits until this SIPp holds its port (a server scenario then receives): probed by
         * trying to bind the port ourselves, which sends nothing to SIPp.
         */
        public void awaitBound(Duration atMost) {
            Awaitility.await("sipp bound to 127.0.0.1:" + run.localPort()).atMost(atMost).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("sipp exited " + process.exitValue() + ":\n"
                                    + Files.readString(output, StandardCharsets.ISO_8859_1));
                        }
                        return !canBind(run.transport(), run.localPort());
                    });
        }

        public Result await() throws IOException, InterruptedException {
            // SIPp's -timeout ends it first; this one catches a SIPp that hangs anyway
            if (!process.waitFor(run.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                TestProcesses.stop(process, Duration.ofSeconds(5));
                throw new IOException("sipp " + run.scenario() + " did not end in " + run.timeout() + "; output:\n"
                        + Files.readString(output, StandardCharsets.ISO_8859_1));
            }
            long[] counters = counters(stats);
            Result result = new Result(process.exitValue(), counters[0], counters[1], messagesSoFar(),
                    Files.readString(output, StandardCharsets.ISO_8859_1));
            LOG.info("sipp {} over {}: exit {}, {} successful, {} failed", run.scenario(), run.transport(),
                    result.exitCode(), result.successful(), result.failed());
            return result;
        }

        public void kill() throws InterruptedException {
            TestProcesses.stop(process, Duration.ofSeconds(5));
        }
    }

    private final Path dir;
    private final AtomicInteger sequence = new AtomicInteger();

    public SippRunner() throws IOException {
        this.dir = Files.createTempDirectory("sipp-interop");
    }

    public Path directory() {
        return dir;
    }

    public Result run(Run run) throws IOException, InterruptedException {
        return start(run).await();
    }

    public Running start(Run run) throws IOException {
        int n = sequence.incrementAndGet();
        String base = n + "-" + run.scenario().replace(".xml", "");
        Path scenario = scenarioFile(run.scenario());
        Path injection = dir.resolve(base + ".csv");
        StringBuilder rows = new StringBuilder("SEQUENTIAL\n");
        run.accounts().forEach(a -> rows.append(a.row()).append('\n'));
        Files.writeString(injection, rows.toString());
        Run effective = run.localPort() == 0 ? run.withLocalPort(TestProcesses.freePort()) : run;
        Path messages = dir.resolve(base + "-messages.log");
        Path stats = dir.resolve(base + "-stats.csv");
        Path output = dir.resolve(base + ".out");
        List<String> command = new ArrayList<>(List.of("sipp", effective.target(),
                "-sf", scenario.toString(), "-inf", injection.toString(),
                "-t", effective.transport().mode, "-i", "127.0.0.1", "-p", Integer.toString(effective.localPort()),
                "-m", Integer.toString(effective.calls()), "-nostdin",
                "-timeout", effective.timeout().toSeconds() + "s", "-timeout_error",
                "-trace_msg", "-message_file", messages.toString(),
                "-trace_stat", "-stf", stats.toString(), "-fd", "1",
                "-trace_err", "-error_file", dir.resolve(base + "-errors.log").toString()));
        effective.keywords().forEach((k, v) -> command.addAll(List.of("-key", k, v)));
        if (effective.rate() > 0) {
            command.addAll(List.of("-r", Integer.toString(effective.rate())));
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new Running(process, messages, stats, output, effective);
    }

    /** Deletes the work directory unless asked to keep it (then says where it is). */
    public void close(boolean keep) throws IOException {
        if (keep) {
            LOG.warn("SIPp traces kept for inspection in {}", dir);
        } else {
            TestProcesses.deleteTree(dir);
        }
    }

    /** SIPp wants a file: the scenario is copied out of the class path (it may sit in a jar). */
    private Path scenarioFile(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = SippRunner.class.getResourceAsStream("/sipp/" + name)) {
                if (in == null) {
                    throw new IOException("no SIPp scenario sipp/" + name + " on the test class path");
                }
                Files.copy(in, file);
            }
        }
        return file;
    }

    private static boolean canBind(Transport transport, int port) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            if (transport == Transport.UDP) {
                try (DatagramSocket socket = new DatagramSocket(address)) {
                    return true;
                }
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(address);
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** SuccessfulCall(C) and FailedCall(C) from the last line of the -trace_stat CSV. */
    private static long[] counters(Path stats) throws IOException {
        if (!Files.exists(stats)) {
            return new long[] {0, 0};
        }
        List<String> lines = Files.readAllLines(stats, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return new long[] {0, 0};
        }
        List<String> header = Arrays.asList(lines.get(0).split(";"));
        String[] last = lines.get(lines.size() - 1).split(";");
        return new long[] {value(header, last, "SuccessfulCall(C)"), value(header, last, "FailedCall(C)")};
    }

    private static long value(List<String> header, String[] row, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < row.length ? Long.parseLong(row[i].trim()) : 0;
    }
}
