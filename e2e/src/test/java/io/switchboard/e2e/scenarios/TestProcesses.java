package io.switchboard.e2e.scenarios;

import static org.awaitility.Awaitility.await;

import io.switchboard.core.tls.CertificateFingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What both server fixtures need: free ports, a self-signed certificate, child processes. */
public final class TestProcesses {

    private TestProcesses() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (servers we start cannot be handed port 0). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Generates key.pem and cert.pem (self-signed for {@code domain}) with the openssl CLI. */
    public static void selfSignedCertificate(Path dir, String domain) throws IOException, InterruptedException {
        run(dir, Duration.ofSeconds(60), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=" + domain, "-addext", "subjectAltName=DNS:" + domain);
    }

    public static String fingerprint(Path certPem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(certPem)) {
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return CertificateFingerprint.sha256(cert);
        }
    }

    /** Runs a command to completion; fails with its output when it does not exit 0 in time. */
    public static String run(Path workDir, Duration timeout, String... command) throws IOException, InterruptedException {
        return run(workDir, timeout, java.util.Map.of(), command);
    }

    public static String run(Path workDir, Duration timeout, java.util.Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "cmd", ".out");
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeout);
        }
        String text = Files.readString(output);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** Waits until something accepts TCP connections on 127.0.0.1:port, or fails with the log. */
    public static void awaitListening(int port, Duration atMost, Process process, Path log) {
        await("server listening on 127.0.0.1:" + port).atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("server exited with " + process.exitValue() + "; log:\n"
                                + (Files.exists(log) ? Files.readString(log) : "(none)"));
                    }
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

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

    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
