package io.switchboard.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.switchboard.server.store.StoreException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * The server's database: a HikariCP pool whose schema Flyway has brought up to date
 * ({@code db/migration}). The SQL is portable between the embedded H2 file and PostgreSQL.
 *
 * <p>{@link #inTransaction} is the one place SQL errors become {@link StoreException}s with
 * a message an operator can act on.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** H2's error code when another process holds the database file. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MINIMUM_POOL_SIZE = 2;

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Connects, migrates the schema, and returns the ready database. */
    public static Database open(String jdbcUrl, String username, String password, int maximumPoolSize)
            throws StoreException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        // Flyway holds one connection for its lock while migrating on another
        config.setMaximumPoolSize(Math.max(MINIMUM_POOL_SIZE, maximumPoolSize));
        config.setPoolName("switchboard-db");
        // fail at start, with the driver's reason, rather than on the first query
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(cannotOpen(jdbcUrl, e), e);
        }
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Database {} ready, schema version {}", redact(jdbcUrl),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("Could not bring the schema of database " + redact(jdbcUrl)
                    + " up to date: " + e.getMessage(), e);
        }
        return new Database(pool, jdbcUrl);
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it
     * throws. {@code what} names the operation for the error message ("add user 'bob'").
     */
    public <T> T inTransaction(String what, SqlWork<T> work) throws StoreException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLTransientConnectionException e) {
            throw new StoreException("Could not " + what + ": the database " + redact(url)
                    + " is not reachable (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new StoreException("Could not " + what + ": it already exists (" + e.getMessage() + ")", e);
            }
            throw new StoreException("Could not " + what + ": database error " + e.getSQLState() + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code e} says a row with the same key already exists (SQLSTATE 23505, H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.debug("Database {} closed", redact(url));
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String cannotOpen(String jdbcUrl, RuntimeException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "The database " + redact(jdbcUrl) + " is in use by another process. Is the server already "
                        + "running with this data directory? Stop it first, or use another --data-dir.";
            }
            root = t;
        }
        return "Could not open the database " + redact(jdbcUrl) + ": " + root.getMessage();
    }

    /** The URL without its parameters, which may carry a password. */
    static String redact(String jdbcUrl) {
        int semicolon = jdbcUrl.indexOf(';');
        int question = jdbcUrl.indexOf('?');
        int cut = semicolon < 0 ? question : question < 0 ? semicolon : Math.min(semicolon, question);
        return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut);
    }
}
