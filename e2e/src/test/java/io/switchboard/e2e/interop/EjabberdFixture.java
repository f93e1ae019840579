package io.switchboard.e2e.interop;

import io.switchboard.e2e.scenarios.TestProcesses;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import io.switchboard.core.model.Address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's ejabberd as a child process, through {@code ejabberdctl foreground} with every path
 * pointed into a temp dir: config, ctl config, spool (Mnesia), logs. Run as root, ejabberdctl
 * switches to the {@code ejabberd} user, so the temp dir is handed to that user. Erlang
 * distribution stays on loopback: a unique node name, its own EPMD on a free port bound to
 * 127.0.0.1 ({@code ERL_EPMD_PORT}, {@code ERL_EPMD_ADDRESS}) and the node's distribution
 * listener on 127.0.0.1 ({@code INET_DIST_INTERFACE}).
 */
final class EjabberdFixture implements XmppServerFixture, BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(EjabberdFixture.class);
    private static final String DOMAIN = "ejabberd.interop.test";
    private static final String INSTALL_USER = "ejabberd";

    private Path dir;
    private Process process;
    private int port;
    private int epmdPort;
    private String fingerprint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("ejabberd-interop");
        TestProcesses.selfSignedCertificate(dir, DOMAIN);
        fingerprint = TestProcesses.fingerprint(dir.resolve("cert.pem"));
        Files.writeString(dir.resolve("server.pem"),
                Files.readString(dir.resolve("key.pem")) + Files.readString(dir.resolve("cert.pem")));
        port = TestProcesses.freePort();
        epmdPort = TestProcesses.freePort();
        Files.createDirectories(dir.resolve("spool"));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("inetrc"), "{lookup, [file, native]}.\n");
        Files.writeString(dir.resolve("ejabberdctl.cfg"), """
                ERLANG_NODE=sb%s@localhost
                INET_DIST_INTERFACE=127.0.0.1
                ERL_EPMD_ADDRESS=127.0.0.1
                """.formatted(UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        Files.writeString(dir.resolve("ejabberd.yml"), """
                hosts:
                  - %2$s
                loglevel: info
                certfiles:
                  - "%1$s/server.pem"
                listen:
                  -
                    port: %3$d
                    ip: "127.0.0.1"
                    module: ejabberd_c2s
                    starttls_required: true
                    max_stanza_size: 262144
                auth_method: internal
                s2s_access: none
                acl:
                  local:
                    user_regexp: ""
                access_rules:
                  local:
                    allow: local
                  c2s:
                    allow: all
                modules:
                  mod_roster: {}
                  mod_offline: {}
                  mod_ping: {}
                  mod_disco: {}
                  mod_caps: {}
                """.formatted(dir, DOMAIN, port));
        giveToInstallUser(dir);
        start();
    }

    private void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ctl("foreground")).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ejabberd.out").toFile()));
        pb.environment().putAll(env());
        process = pb.start();
        TestProcesses.awaitListening(port, Duration.ofSeconds(60), process, dir.resolve("logs/ejabberd.log"));
        LOG.info("ejabberd for {} listening on 127.0.0.1:{}", DOMAIN, port);
    }

    @Override
    public void restart() throws Exception {
        stopNode();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopNode();
        if (process != null) {
            try {
                TestProcesses.run(dir, Duration.ofSeconds(10), env(), "epmd", "-kill");
            } catch (Exception e) {
                LOG.debug("our EPMD was already gone", e);
            }
        }
        TestProcesses.deleteTree(dir);
    }

    private void stopNode() throws Exception {
        if (process != null && process.isAlive()) {
            try {
                TestProcesses.run(dir, Duration.ofSeconds(30), env(), ctl("stop").toArray(String[]::new));
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("ejabberdctl stop failed; killing the node", e);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            TestProcesses.stop(process, Duration.ofSeconds(10));
        }
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
        List<String> command = ctl("register");
        command.addAll(List.of(user, DOMAIN, password));
        TestProcesses.run(dir, Duration.ofSeconds(60), env(), command.toArray(String[]::new));
        return Address.of(user, DOMAIN);
    }

    private List<String> ctl(String subcommand) {
        List<String> command = new ArrayList<>(List.of("ejabberdctl",
                "--config-dir", dir.toString(),
                "--ctl-config", dir.resolve("ejabberdctl.cfg").toString(),
                "--config", dir.resolve("ejabberd.yml").toString(),
                "--spool", dir.resolve("spool").toString(),
                "--logs", dir.resolve("logs").toString()));
        command.add(subcommand);
        return command;
    }

    private Map<String, String> env() {
        return Map.of("ERL_EPMD_PORT", Integer.toString(epmdPort), "ERL_EPMD_ADDRESS", "127.0.0.1");
    }

    private static void giveToInstallUser(Path root) throws Exception {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        var user = lookup.lookupPrincipalByName(INSTALL_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(INSTALL_USER);
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }
}
