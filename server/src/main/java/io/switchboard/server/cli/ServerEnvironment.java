package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.OwnerOnlyFiles;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.ServerConfigFile;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.jdbc.Database;

import java.io.IOException;
import java.nio.file.Path;

/** Prepares what every command needs from the data directory: the folder, the configuration, the database. */
final class ServerEnvironment {

    private final DataDirOptions options;

    ServerEnvironment(DataDirOptions options) {
        this.options = options;
    }

    Path dataDirectory() {
        return options.dataDirectory();
    }

    /** Creates the data directory if needed and loads (or first writes) the configuration. */
    ServerConfig loadConfig() throws ConfigException {
        try {
            OwnerOnlyFiles.createDirectories(dataDirectory());
        } catch (IOException e) {
            throw new ConfigException("Cannot create the data directory " + dataDirectory() + ": " + e.getMessage(), e);
        }
        return new ServerConfigFile().loadOrCreate(options.configFile());
    }

    Database openDatabase(ServerConfig config) throws StoreException {
        var db = config.database();
        return Database.open(db.jdbcUrl(dataDirectory()), db.username(), db.password(), db.maximumPoolSize());
    }
}
