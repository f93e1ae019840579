package io.switchboard.core.version;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, as Maven stamped it into a resource of this jar. A resource rather
 * than the jar manifest: the client and the server run from a class path of module jars (and the
 * IDE runs them from class folders), where no manifest tells which version is running.
 */
public final class SwitchboardVersion {

    static final String RESOURCE = "switchboard-version.properties";
    /** Shown when the resource is missing or was not filtered (a build that skipped resource processing). */
    static final String UNKNOWN = "unknown";

    private static final String CURRENT = read();

    private SwitchboardVersion() {
    }

    /** E.g. "0.1.0-SNAPSHOT". */
    public static String current() {
        return CURRENT;
    }

    static String read() {
        try (InputStream in = SwitchboardVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return parse(properties.getProperty("version"));
        } catch (IOException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    static String parse(String stamped) {
        if (stamped == null || stamped.isBlank() || stamped.contains("${")) {
            return UNKNOWN;
        }
        return stamped.strip();
    }
}
