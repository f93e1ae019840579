package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.directory.DirectorySync;
import io.switchboard.server.directory.OpenDirectory;
import io.switchboard.server.store.DirectoryPeopleStore;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.SyncedPerson;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code directory sync|status}: synchronise people from the configured directory now, and show
 * what the runs did (ADR 0029). With the embedded database, stop the server first: H2 lets one
 * process open the file (a running server synchronises by itself on its schedule).
 */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Synchronise people from the directory, and show how synchronisation went.",
        subcommands = {DirectoryCommand.Sync.class, DirectoryCommand.Status.class})
public final class DirectoryCommand {

    /** The people store and the output, for both subcommands. */
    abstract static class PeopleCommand extends DatabaseCommand {

        @Override
        final int run(ServerConfig config, Database database) throws Exception {
            return run(config, database, new JdbcDirectoryPeopleStore(database, Clock.systemUTC()),
                    spec.commandLine().getOut());
        }

        abstract int run(ServerConfig config, Database database, DirectoryPeopleStore people, PrintWriter out)
                throws Exception;
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Read people from the directory into the server now: changes since the last run, or everyone.")
    static final class Sync extends PeopleCommand {

        @Option(names = "--full", description = "Read everyone, and disable whoever left the directory.")
        boolean full;

        @Override
        int run(ServerConfig config, Database database, DirectoryPeopleStore people, PrintWriter out) throws Exception {
            if (config.directory().source() == UserDirectoryConfig.Source.NONE) {
                spec.commandLine().getErr().println("No directory is configured (directory.source: NONE in server.yaml).");
                return CommandLine.ExitCode.USAGE;
            }
            // the embedded directory on a free port: a running server may hold the configured one
            try (OpenDirectory directory = OpenDirectory.open(config.directory(), config.domain(), 0)) {
                DirectorySync sync = new DirectorySync(directory.client(), people,
                        new JdbcUserStore(database, config.domain()), config.domain(), Clock.systemUTC());
                java.util.function.IntConsumer progress = seen -> {
                    out.printf("  %d people read%n", seen);
                    out.flush();
                };
                SyncRun run = full ? sync.full(progress) : sync.incremental(progress);
                out.println(run);
                return run.error().isPresent() ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show how many people are synchronised and what the latest runs did.")
    static final class Status extends PeopleCommand {

        @Option(names = "--runs", defaultValue = "5", description = "How many of the latest runs to show (default 5).")
        int runs;

        @Override
        int run(ServerConfig config, Database database, DirectoryPeopleStore people, PrintWriter out) throws Exception {
            out.printf("Directory: %s%n", describe(config.directory()));
            Collection<SyncedPerson> synced = people.byDirectoryId().values();
            long disabled = synced.stream().filter(SyncedPerson::disabled).count();
            out.printf("People: %d synchronised, %d of them disabled (left the directory)%n", synced.size(), disabled);
            List<SyncRun> latest = people.latestRuns(Math.max(1, runs));
            if (latest.isEmpty()) {
                out.println("No synchronisation has run yet.");
            }
            latest.forEach(out::println);
            return CommandLine.ExitCode.OK;
        }

        private static String describe(UserDirectoryConfig directory) {
            return switch (directory.source()) {
                case NONE -> "none (directory.source: NONE)";
                case EMBEDDED -> "the embedded demo directory";
                case LDAP -> directory.ldap().url() + " (" + directory.ldap().peopleBase() + ")";
            };
        }
    }
}
