package io.switchboard.bench.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The little process handling slapd needs (commands run to completion, free loopback ports, a
 * stop with a grace period, a temp tree deleted). The e2e fixtures have the same in their test
 * code ({@code TestProcesses}); this copy lives in main code so the benchmark can start slapd too.
 */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (slapd cannot be handed port 0). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Runs a command to completion in {@code workDir}; fails with its output when it does not exit 0 in time. */
    public static String run(Path workDir, Duration timeout, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "cmd", ".out");
        Process process = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeout);
        }
        String text = Files.readString(output);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }

    /** SIGTERM, then SIGKILL for whatever is left after {@code grace}. */
    public static void stop(Process process, Duration grace) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
