package io.switchboard.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where each operating system wants an application's configuration and its logs. The
 * environment, OS name and home directory are injected so every platform is testable anywhere.
 */
public final class PlatformDirectories {

    public enum Os { WINDOWS, MAC, LINUX }

    private static final String APP_DIR = "switchboard";
    private static final String APP_DIR_TITLE = "Switchboard";
    private static final String SYSTEM_CONFIG_FILE = "client.properties";

    private final Map<String, String> env;
    private final Os os;
    private final Path home;

    public PlatformDirectories(Map<String, String> env, String osName, Path home) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.os = osOf(osName);
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The running JVM's platform. */
    public static PlatformDirectories current() {
        return new PlatformDirectories(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    public static Os osOf(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return Os.MAC;
        }
        return Os.LINUX;   // Linux and the other Unixes follow the XDG base directory spec
    }

    public Os os() {
        return os;
    }

    /** Settings: {@code $XDG_CONFIG_HOME/switchboard}, {@code %APPDATA%\Switchboard}, {@code ~/Library/Application Support/Switchboard}. */
    public Path configDir() {
        return switch (os) {
            case WINDOWS -> envDir("APPDATA", home.resolve("AppData").resolve("Roaming")).resolve(APP_DIR_TITLE);
            case MAC -> home.resolve("Library").resolve("Application Support").resolve(APP_DIR_TITLE);
            case LINUX -> envDir("XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP_DIR);
        };
    }

    /** Logs and other machine-local state: {@code $XDG_STATE_HOME/switchboard}, {@code %LOCALAPPDATA%\Switchboard}, {@code ~/Library/Logs/Switchboard}. */
    public Path stateDir() {
        return switch (os) {
            case WINDOWS -> envDir("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve(APP_DIR_TITLE);
            case MAC -> home.resolve("Library").resolve("Logs").resolve(APP_DIR_TITLE);
            case LINUX -> envDir("XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(APP_DIR);
        };
    }

    /**
     * The configuration IT presets for every user of the computer (ADR 0031):
     * {@code /etc/switchboard/client.properties}, {@code %ProgramData%\Switchboard\client.properties},
     * {@code /Library/Application Support/Switchboard/client.properties}.
     */
    public Path systemConfigFile() {
        return switch (os) {
            case WINDOWS -> Path.of(env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", "C:\\ProgramData")))
                    .resolve(APP_DIR_TITLE).resolve(SYSTEM_CONFIG_FILE);
            case MAC -> Path.of("/Library", "Application Support", APP_DIR_TITLE, SYSTEM_CONFIG_FILE);
            case LINUX -> Path.of("/etc", APP_DIR, SYSTEM_CONFIG_FILE);
        };
    }

    public Path settingsFile() {
        return configDir().resolve("settings.json");
    }

    /** The XDG spec says a relative value is invalid and must be ignored. */
    private Path envDir(String variable, Path fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return os == Os.LINUX && !path.isAbsolute() ? fallback : path;
    }
}
