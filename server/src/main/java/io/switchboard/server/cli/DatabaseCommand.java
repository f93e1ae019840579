package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.jdbc.Database;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The plumbing of every administration command that works on the server's database: the data
 * directory option, its configuration, the database opened for the command and closed after. With
 * the embedded database, stop the server first: H2 lets one process open the file.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOptions dataDir = new DataDirOptions();

    @Override
    public final Integer call() throws Exception {
        ServerEnvironment environment = new ServerEnvironment(dataDir);
        ServerConfig config = environment.loadConfig();
        try (Database database = environment.openDatabase(config)) {
            return run(config, database);
        }
    }

    /** @return the exit code */
    abstract int run(ServerConfig config, Database database) throws Exception;
}
