package io.switchboard.server.cli;

import io.switchboard.server.config.DataDirectory;
import io.switchboard.server.config.ServerConfigFile;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The options every command shares: where the data directory and the configuration file are. An
 * installed server's launcher names its own through {@code SWITCHBOARD_SERVER_DATA_DIR} and
 * {@code SWITCHBOARD_SERVER_CONFIG} (/var/lib/switchboard-server, /etc/switchboard-server/server.yaml),
 * so an administrator's {@code switchboard-server user add bob} works on the service's data.
 */
public final class DataDirOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:SWITCHBOARD_SERVER_DATA_DIR}",
            description = "Data directory for configuration, database and certificate (default: "
                    + "$SWITCHBOARD_SERVER_DATA_DIR, else the per-user application data folder, e.g. "
                    + "~/.local/share/switchboard-server).")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:SWITCHBOARD_SERVER_CONFIG}",
            description = "Configuration file (default: $SWITCHBOARD_SERVER_CONFIG, else "
                    + ServerConfigFile.FILE_NAME + " in the data directory; written with defaults when missing).")
    private Path configFile;

    public Path dataDirectory() {
        return (dataDir != null ? dataDir : DataDirectory.defaultLocation()).toAbsolutePath();
    }

    public Path configFile() {
        return configFile != null ? configFile.toAbsolutePath() : dataDirectory().resolve(ServerConfigFile.FILE_NAME);
    }
}
