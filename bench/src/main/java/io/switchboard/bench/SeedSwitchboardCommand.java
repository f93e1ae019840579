package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.bench.load.RingRoster;
import io.switchboard.bench.seed.SwitchboardSeeder;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fills a fresh data directory of our server with the benchmark's users, before the server starts. */
@Command(name = "seed-switchboard", mixinStandardHelpOptions = true,
        description = "Create N ring-roster users and one big-roster user in a Switchboard data directory "
                + "(embedded H2 database), through the server's own JDBC stores.")
final class SeedSwitchboardCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SeedSwitchboardCommand.class);

    @Option(names = "--data-dir", required = true, description = "The server's data directory (created if missing).")
    Path dataDir;

    @Option(names = "--users", defaultValue = "500")
    int users;

    @Option(names = "--contacts", defaultValue = "30")
    int contacts;

    @Option(names = "--domain", defaultValue = "localhost")
    String domain;

    @Option(names = "--big-roster-user", defaultValue = "r00000")
    String bigRosterUser;

    @Option(names = "--big-roster-size", defaultValue = "2000")
    int bigRosterSize;

    @Option(names = "--threads", defaultValue = "2", description = "Seeding threads (SCRAM derivation is CPU-bound).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        DatabaseConfig db = DatabaseConfig.defaults();
        long start = System.nanoTime();
        try (Database database = Database.open(db.jdbcUrl(dataDir), db.username(), db.password(), threads + 1)) {
            new SwitchboardSeeder(new JdbcUserStore(database, domain), new JdbcRosterStore(database), domain)
                    .seed(new RingRoster(users, contacts), bigRosterUser, bigRosterSize, threads);
        }
        LOG.info("Switchboard data for {} users written in {} s", users, (System.nanoTime() - start) / 1_000_000_000);
        return 0;
    }
}
