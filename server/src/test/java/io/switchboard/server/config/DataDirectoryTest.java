package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

class DataDirectoryTest {

    static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataDirectory.defaultLocation("Linux", Map.of("XDG_DATA_HOME", "/data/ann"), HOME))
                .isEqualTo(Path.of("/data/ann/switchboard-server"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetEmptyOrRelative() {
        Path expected = Path.of("/home/ann/.local/share/switchboard-server");
        assertThat(DataDirectory.defaultLocation("Linux", Map.of(), HOME)).isEqualTo(expected);
        assertThat(DataDirectory.defaultLocation("Linux", Map.of("XDG_DATA_HOME", ""), HOME)).isEqualTo(expected);
        assertThat(DataDirectory.defaultLocation("Linux", Map.of("XDG_DATA_HOME", "rel/dir"), HOME)).isEqualTo(expected);
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.defaultLocation("Windows 11", Map.of("APPDATA", "/appdata"), HOME))
                .isEqualTo(Path.of("/appdata", "switchboard-server"));
        assertThat(DataDirectory.defaultLocation("Windows 11", Map.of(), HOME))
                .isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("switchboard-server"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.defaultLocation("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), HOME))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/switchboard-server"));
    }
}
