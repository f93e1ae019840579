package io.switchboard.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformDirectoriesTest {

    private static final Path HOME = Path.of("/home/alice");

    @Test
    void linuxFollowsXdg() {
        var dirs = new PlatformDirectories(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/state"), "Linux", HOME);
        assertThat(dirs.os()).isEqualTo(PlatformDirectories.Os.LINUX);
        assertThat(dirs.configDir()).isEqualTo(Path.of("/cfg/switchboard"));
        assertThat(dirs.settingsFile()).isEqualTo(Path.of("/cfg/switchboard/settings.json"));
        assertThat(dirs.stateDir()).isEqualTo(Path.of("/state/switchboard"));
    }

    @Test
    void linuxWithoutXdgOrWithARelativeValueUsesTheHomeDefaults() {
        var dirs = new PlatformDirectories(Map.of("XDG_CONFIG_HOME", "relative/cfg"), "Linux", HOME);
        assertThat(dirs.configDir()).isEqualTo(HOME.resolve(".config").resolve("switchboard"));
        assertThat(dirs.stateDir()).isEqualTo(HOME.resolve(".local").resolve("state").resolve("switchboard"));
    }

    @Test
    void windowsUsesAppData() {
        var dirs = new PlatformDirectories(Map.of("APPDATA", "C:\\Users\\alice\\AppData\\Roaming"), "Windows 11", HOME);
        assertThat(dirs.os()).isEqualTo(PlatformDirectories.Os.WINDOWS);
        assertThat(dirs.configDir()).isEqualTo(Path.of("C:\\Users\\alice\\AppData\\Roaming").resolve("Switchboard"));
        assertThat(new PlatformDirectories(Map.of(), "Windows 10", HOME).configDir())
                .isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("Switchboard"));
    }

    @Test
    void macUsesApplicationSupport() {
        var dirs = new PlatformDirectories(Map.of("XDG_CONFIG_HOME", "/cfg"), "Mac OS X", HOME);
        assertThat(dirs.os()).isEqualTo(PlatformDirectories.Os.MAC);
        assertThat(dirs.configDir()).isEqualTo(HOME.resolve("Library").resolve("Application Support").resolve("Switchboard"));
        assertThat(dirs.stateDir()).isEqualTo(HOME.resolve("Library").resolve("Logs").resolve("Switchboard"));
    }

    @Test
    void theSystemWideClientConfigurationIsWhereEachSystemKeepsMachineSettings() {
        assertThat(new PlatformDirectories(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", HOME).systemConfigFile())
                .isEqualTo(Path.of("/etc/switchboard/client.properties"));
        assertThat(new PlatformDirectories(Map.of(), "Mac OS X", HOME).systemConfigFile())
                .isEqualTo(Path.of("/Library/Application Support/Switchboard/client.properties"));
        assertThat(new PlatformDirectories(Map.of("ProgramData", "D:\\Data"), "Windows 11", HOME).systemConfigFile())
                .isEqualTo(Path.of("D:\\Data").resolve("Switchboard").resolve("client.properties"));
        assertThat(new PlatformDirectories(Map.of(), "Windows 10", HOME).systemConfigFile())
                .isEqualTo(Path.of("C:\\ProgramData").resolve("Switchboard").resolve("client.properties"));
    }
}
