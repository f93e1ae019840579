package io.switchboard.bench.directory;

import io.switchboard.bench.ldap.ChildProcesses;
import io.switchboard.directory.PeopleDirectory;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.directory.DirectorySync;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's directory sync ({@link DirectorySync}) into a fresh embedded H2 database, composed as
 * the server composes it (its JDBC user and directory-people stores on {@link Database}), so the
 * time measured is the server's: LDAP paging, mapping, batched writes. The database is opened
 * (schema migrations) before the clock starts.
 */
final class SyncBench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBench.class);

    private final Path dataDir;
    private final Database database;
    private final DirectorySync sync;

    private SyncBench(Path dataDir, Database database, DirectorySync sync) {
        this.dataDir = dataDir;
        this.database = database;
        this.sync = sync;
    }

    /** A fresh database in a new temp dir, and a sync from {@code directory} into it. */
    static SyncBench freshDatabase(PeopleDirectory directory, String domain) throws IOException, StoreException {
        Path dataDir = Files.createTempDirectory("directory-bench-db");
        DatabaseConfig db = DatabaseConfig.defaults();
        Database database = Database.open(db.jdbcUrl(dataDir), db.username(), db.password(), db.maximumPoolSize());
        DirectorySync sync = new DirectorySync(directory, new JdbcDirectoryPeopleStore(database, Clock.systemUTC()),
                new JdbcUserStore(database, domain), domain, Clock.systemUTC());
        return new SyncBench(dataDir, database, sync);
    }

    SyncMeasurement full() throws StoreException {
        long started = System.nanoTime();
        SyncRun run = sync.full(this::progress);
        return measured(started, run);
    }

    SyncMeasurement incremental() throws StoreException {
        long started = System.nanoTime();
        SyncRun run = sync.incremental(this::progress);
        return measured(started, run);
    }

    private static SyncMeasurement measured(long started, SyncRun run) {
        SyncMeasurement measured = new SyncMeasurement(Duration.ofNanos(System.nanoTime() - started), run);
        if (run.error().isPresent()) {
            throw new IllegalStateException("the sync stopped early: " + run);
        }
        return measured;
    }

    private void progress(int seen) {
        if (seen % 10_000 == 0) {
            LOG.info("sync: {} people read", seen);
        }
    }

    @Override
    public void close() throws IOException {
        database.close();
        ChildProcesses.deleteTree(dataDir);
    }
}
