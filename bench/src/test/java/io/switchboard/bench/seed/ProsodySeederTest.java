package io.switchboard.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.bench.load.RingRoster;

class ProsodySeederTest {

    @TempDir
    Path dir;

    @Test
    void writesAccountsAndRostersInProsodysInternalFormat() throws Exception {
        ProsodySeeder seeder = new ProsodySeeder(dir, "bench.example");
        seeder.seedUsers(new RingRoster(40, 4), "r00000", 3);

        Path host = dir.resolve("data").resolve("bench%2eexample");
        assertThat(Files.readString(host.resolve("accounts/u00001.dat")))
                .isEqualTo("return {\n\t[\"password\"] = \"pw-u00001\";\n};\n");
        String roster = Files.readString(host.resolve("roster/u00000.dat"));
        assertThat(roster).startsWith("return {\n\t[false] = {\n\t\t[\"version\"] = 1;\n\t\t[\"pending\"] = {};\n\t};\n")
                .contains("\t[\"u00039@bench.example\"] = {\n\t\t[\"subscription\"] = \"both\";")
                .endsWith("};\n");
        assertThat(roster.split("\"subscription\"", -1)).hasSize(5);
        assertThat(Files.readString(host.resolve("roster/r00000.dat"))).contains("c00002@bench.example")
                .doesNotContain("c00003");
    }

    @Test
    void configListensOnLoopbackOnlyWithTlsRequired() throws Exception {
        Path cfg = new ProsodySeeder(dir, "localhost").writeConfig(5299, dir.resolve("c.crt"), dir.resolve("c.key"));

        String text = Files.readString(cfg);
        assertThat(text).contains("c2s_ports = { 5299 }", "interfaces = { \"127.0.0.1\" }",
                "c2s_require_encryption = true", "VirtualHost \"localhost\"", "run_as_root = true")
                .doesNotContain("\"limits\"");
    }

    @Test
    void encodesNamesLikeProsodysDatamanager() {
        assertThat(ProsodyLayout.encode("localhost")).isEqualTo("localhost");
        assertThat(ProsodyLayout.encode("a.b-c")).isEqualTo("a%2eb%2dc");
    }

    @Test
    void refusesToWriteLuaStringsItWouldHaveToEscape() {
        assertThatThrownBy(() -> LuaTable.quote("a\"b")).isInstanceOf(IllegalArgumentException.class);
    }
}
