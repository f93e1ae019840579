package io.switchboard.e2e.interop;

import io.switchboard.e2e.scenarios.TestProcesses;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import io.switchboard.core.model.Address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Prosody as a child process: its own config, data, pid and log in a temp dir,
 * c2s with STARTTLS required on a free loopback port, s2s and HTTP off. Prosody refuses to run
 * as root unless {@code run_as_root = true}; CI runs as root, so the throwaway config says so.
 */
final class ProsodyFixture implements XmppServerFixture, BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyFixture.class);
    private static final String DOMAIN = "prosody.interop.test";

    private Path dir;
    private Path config;
    private Process process;
    private int port;
    private String fingerprint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("prosody-interop");
        TestProcesses.selfSignedCertificate(dir, DOMAIN);
        fingerprint = TestProcesses.fingerprint(dir.resolve("cert.pem"));
        port = TestProcesses.freePort();
        Files.createDirectories(dir.resolve("data"));
        config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, """
                run_as_root = true
                daemonize = false
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                plugin_paths = { }
                interfaces = { "127.0.0.1" }
                local_interfaces = { "127.0.0.1" }
                c2s_ports = { %2$d }
                c2s_interfaces = { "127.0.0.1" }
                c2s_direct_tls_ports = { }
                legacy_ssl_ports = { }
                s2s_ports = { }
                http_ports = { }
                https_ports = { }
                modules_enabled = { "roster", "saslauth", "tls", "disco", "ping", "presence", "offline", "posix" }
                modules_disabled = { "s2s" }
                c2s_require_encryption = true
                allow_registration = false
                authentication = "internal_hashed"
                storage = "internal"
                log = { { levels = { min = "info" }, to = "file", filename = "%1$s/prosody.log" } }
                certificates = "%1$s"
                ssl = { certificate = "%1$s/cert.pem", key = "%1$s/key.pem" }
                VirtualHost "%3$s"
                """.formatted(dir, port, DOMAIN));
        start();
    }

    private void start() throws Exception {
        Path out = dir.resolve("prosody.out");
        process = new ProcessBuilder("prosody", "--config", config.toString(), "-F")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        TestProcesses.awaitListening(port, Duration.ofSeconds(30), process, dir.resolve("prosody.log"));
        LOG.info("Prosody for {} listening on 127.0.0.1:{}", DOMAIN, port);
    }

    @Override
    public void restart() throws Exception {
        TestProcesses.stop(process, Duration.ofSeconds(10));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestProcesses.stop(process, Duration.ofSeconds(10));
        TestProcesses.deleteTree(dir);
    }

    @Override
    public String domain() {
        return DOMAIN;
    }

    @Override
    public int c2sPort() {
        return port;
    }

    @Override
    public String certificateFingerprint() {
        return fingerprint;
    }

    @Override
    public Address register(String user, String password) throws Exception {
        TestProcesses.run(dir, Duration.ofSeconds(30), "prosodyctl", "--config", config.toString(),
                "register", user, DOMAIN, password);
        return Address.of(user, DOMAIN);
    }
}
