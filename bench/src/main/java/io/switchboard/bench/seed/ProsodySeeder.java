package io.switchboard.bench.seed;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.switchboard.bench.load.RingRoster;

/**
 * Creates a throwaway Prosody 0.12 instance for the benchmark: its config and its data written
 * straight into the "internal" storage files, because {@code prosodyctl register} for ten
 * thousand users would take far longer than the measurement. The format was taken from what
 * prosodyctl itself wrote for a registered user (accounts/&lt;user&gt;.dat with
 * {@code ["password"]}) and from core/rostermanager.lua (the {@code [false]} entry holding
 * the roster version and pending requests).
 */
public final class ProsodySeeder {

    private final Path dir;
    private final String domain;

    public ProsodySeeder(Path dir, String domain) {
        this.dir = dir;
        this.domain = domain;
    }

    public ProsodyLayout layout() {
        return new ProsodyLayout(dir.resolve("data"));
    }

    /** Writes users u00000.. with ring rosters, and optionally one user with a large roster. */
    public void seedUsers(RingRoster ring, String bigRosterUser, int bigRosterSize) throws IOException {
        ProsodyLayout layout = layout();
        Files.createDirectories(layout.storeDir(domain, "accounts"));
        Files.createDirectories(layout.storeDir(domain, "roster"));
        for (int i = 0; i < ring.users(); i++) {
            String user = RingRoster.username(i);
            writeAccount(layout, user, RingRoster.password(i));
            int[] contacts = ring.contactsOf(i);
            String[] jids = new String[contacts.length];
            for (int k = 0; k < contacts.length; k++) {
                jids[k] = RingRoster.username(contacts[k]) + "@" + domain;
            }
            writeRoster(layout, user, jids);
        }
        if (bigRosterUser != null && bigRosterSize > 0) {
            writeAccount(layout, bigRosterUser, RingRoster.passwordFor(bigRosterUser));
            String[] jids = new String[bigRosterSize];
            for (int k = 0; k < bigRosterSize; k++) {
                jids[k] = RingRoster.bigRosterContact(k) + "@" + domain;
            }
            writeRoster(layout, bigRosterUser, jids);
        }
    }

    private void writeAccount(ProsodyLayout layout, String user, String password) throws IOException {
        Files.writeString(layout.file(domain, "accounts", user),
                "return {\n\t[\"password\"] = " + LuaTable.quote(password) + ";\n};\n", StandardCharsets.UTF_8);
    }

    private void writeRoster(ProsodyLayout layout, String user, String[] contactJids) throws IOException {
        try (Writer w = Files.newBufferedWriter(layout.file(domain, "roster", user), StandardCharsets.UTF_8)) {
            w.write("return {\n\t[false] = {\n\t\t[\"version\"] = 1;\n\t\t[\"pending\"] = {};\n\t};\n");
            for (String jid : contactJids) {
                w.write("\t[" + LuaTable.quote(jid) + "] = {\n\t\t[\"subscription\"] = \"both\";\n\t\t[\"groups\"] = {};\n\t};\n");
            }
            w.write("};\n");
        }
    }

    /** The server config: loopback only, c2s only, STARTTLS required, no rate limits. */
    public Path writeConfig(int port, Path certificate, Path key) throws IOException {
        Path abs = dir.toAbsolutePath();
        String cfg = """
                -- Throwaway benchmark instance written by `switchboard-bench seed-prosody`. Loopback only.
                run_as_root = true -- the bench runs as root in a container; Prosody refuses that otherwise
                pidfile = %s
                data_path = %s
                log = { warn = %s }
                network_backend = "epoll"
                -- Nagle off like any latency-sensitive server (ours sets TCP_NODELAY); a deeper
                -- accept queue so a login ramp of hundreds in flight is not refused.
                network_settings = { nagle = false; tcp_backlog = 1024 }
                interfaces = { "127.0.0.1" }
                local_interfaces = { "127.0.0.1" }
                c2s_interfaces = { "127.0.0.1" }
                c2s_ports = { %d }
                s2s_ports = { }
                http_ports = { }
                https_ports = { }
                component_ports = { }
                c2s_direct_tls_ports = { }
                -- c2s only: no s2s, no HTTP, no rate limits (mod_limits is not loaded), nothing
                -- (carbons, smacks, csi, mam) that the load client does not use.
                modules_enabled = { "roster", "saslauth", "tls", "disco", "ping", "posix" }
                modules_disabled = { "s2s", "s2s_auth_certs" }
                authentication = "internal_plain"
                storage = "internal"
                c2s_require_encryption = true
                s2s_require_encryption = true
                allow_registration = false
                certificates = %s
                ssl = { certificate = %s; key = %s; }
                VirtualHost %s
                    ssl = { certificate = %s; key = %s; }
                """.formatted(
                LuaTable.quote(abs.resolve("prosody.pid").toString()),
                LuaTable.quote(abs.resolve("data").toString()),
                LuaTable.quote(abs.resolve("prosody.log").toString()),
                port,
                LuaTable.quote(abs.resolve("certs").toString()),
                LuaTable.quote(certificate.toAbsolutePath().toString()),
                LuaTable.quote(key.toAbsolutePath().toString()),
                LuaTable.quote(domain),
                LuaTable.quote(certificate.toAbsolutePath().toString()),
                LuaTable.quote(key.toAbsolutePath().toString()));
        Files.createDirectories(abs.resolve("certs"));
        Path file = abs.resolve("prosody.cfg.lua");
        Files.writeString(file, cfg, StandardCharsets.UTF_8);
        return file;
    }
}
