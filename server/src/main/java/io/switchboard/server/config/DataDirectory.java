package io.switchboard.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the server keeps its configuration, database and certificate when no
 * {@code --data-dir} is given: the per-user application data folder of each platform, so
 * the server runs without root and without writing into the installation.
 */
public final class DataDirectory {

    public static final String NAME = "switchboard-server";

    private DataDirectory() {
    }

    /** The default for the running JVM. */
    public static Path defaultLocation() {
        return defaultLocation(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Linux and other Unix: {@code $XDG_DATA_HOME/switchboard-server}, falling back to
     * {@code ~/.local/share} as the XDG base directory spec says; Windows: {@code %APPDATA%};
     * macOS: {@code ~/Library/Application Support}.
     */
    static Path defaultLocation(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = isSet(appData) ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve(NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the spec says a relative XDG_DATA_HOME is invalid and must be ignored
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve(NAME);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
