package io.switchboard.bench;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The users {@code bench/run-sip-load.sh} expects of a target, written into a fresh data directory
 * of our server before it starts: u00000..uN-1 with password pw-&lt;user&gt; (SCRAM and SIP digest
 * credentials, through the server's own stores), and u00000's roster letting every other user
 * watch its presence, as Kamailio's presence_xml does with force_active.
 */
@Command(name = "seed-sip-load", mixinStandardHelpOptions = true,
        description = "Create the SIP load script's users (u00000.., password pw-<user>) in a Switchboard data "
                + "directory; everyone may watch u00000.")
final class SeedSipLoadCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SeedSipLoadCommand.class);

    @Option(names = "--data-dir", required = true, description = "The server's data directory (created if missing).")
    Path dataDir;

    @Option(names = "--users", defaultValue = "2000")
    int users;

    @Option(names = "--domain", defaultValue = "localhost")
    String domain;

    @Option(names = "--threads", defaultValue = "2", description = "Seeding threads (credential derivation is CPU-bound).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        DatabaseConfig db = DatabaseConfig.defaults();
        long start = System.nanoTime();
        try (Database database = Database.open(db.jdbcUrl(dataDir), db.username(), db.password(), threads + 1)) {
            JdbcUserStore userStore = new JdbcUserStore(database, domain);
            JdbcRosterStore rosters = new JdbcRosterStore(database);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    String user = String.format("u%05d", i);
                    done.add(pool.submit(() -> {
                        userStore.create(user, ("pw-" + user).toCharArray());
                        if (!user.equals("u00000")) {
                            rosters.put("u00000", new RosterItem(Address.of(user, domain), user,
                                    SubscriptionState.FROM, false, false, Set.of()));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        LOG.info("{} SIP load users written in {} s", users, (System.nanoTime() - start) / 1_000_000_000);
        return 0;
    }
}
