package io.switchboard.server.cli;

import io.switchboard.server.config.DataDirectory;
import io.switchboard.server.config.ServerConfigFile;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options every command shares: where the data directory and the configuration file are. */
public final class DataDirOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory for configuration, database and certificate "
                    + "(default: the per-user application data folder, e.g. ~/.local/share/switchboard-server).")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: " + ServerConfigFile.FILE_NAME + " in the data directory; "
                    + "written with defaults when missing).")
    private Path configFile;

    public Path dataDirectory() {
        return (dataDir != null ? dataDir : DataDirectory.defaultLocation()).toAbsolutePath();
    }

    public Path configFile() {
        return configFile != null ? configFile.toAbsolutePath() : dataDirectory().resolve(ServerConfigFile.FILE_NAME);
    }
}
