package io.switchboard.server.store.jdbc;

import io.switchboard.server.store.DirectoryPeopleStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.SyncedPerson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DirectoryPeopleStore} on the server's database (tables {@code directory_people} and
 * {@code directory_sync_runs}, migration V5). Batches are written with JDBC batches in one
 * transaction each: a full sync of tens of thousands of people is a few dozen round trips.
 */
public final class JdbcDirectoryPeopleStore implements DirectoryPeopleStore {

    private static final String COLUMNS = "username, directory_id, dn, display_name, mail, title, department, "
            + "work_phones, mobile_phones, modified_at, disabled";

    private final Database database;
    private final Clock clock;

    public JdbcDirectoryPeopleStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, SyncedPerson> byDirectoryId() throws StoreException {
        return database.inTransaction("read the synchronised people", c -> {
            Map<String, SyncedPerson> people = new HashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM directory_people");
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    SyncedPerson person = read(rs);
                    people.put(person.directoryId(), person);
                }
            }
            return people;
        });
    }

    @Override
    public void write(Collection<SyncedPerson> added, Collection<SyncedPerson> updated) throws StoreException {
        if (added.isEmpty() && updated.isEmpty()) {
            return;
        }
        long now = clock.millis();
        database.inTransaction("write " + (added.size() + updated.size()) + " synchronised people", c -> {
            addAccounts(c, added, now);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO directory_people (" + COLUMNS
                    + ", synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SyncedPerson person : added) {
                    bind(insert, person);
                    insert.setLong(12, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE directory_people SET username = ?, "
                    + "directory_id = ?, dn = ?, display_name = ?, mail = ?, title = ?, department = ?, "
                    + "work_phones = ?, mobile_phones = ?, modified_at = ?, disabled = ?, synced_at = ? "
                    + "WHERE username = ?")) {
                for (SyncedPerson person : updated) {
                    bind(update, person);
                    update.setLong(12, now);
                    update.setString(13, person.username());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** An account for each new person whose name has none yet (a local account of that name is linked). */
    private static void addAccounts(Connection c, Collection<SyncedPerson> added, long now) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        // one statement per name, so that an account a sign-in created a moment ago is linked, not duplicated
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO users (username, created_at, roster_version) SELECT ?, ?, 0"
                        + " WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = ?)")) {
            for (SyncedPerson person : added) {
                insert.setString(1, person.username());
                insert.setLong(2, now);
                insert.setString(3, person.username());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void disable(Collection<String> usernames) throws StoreException {
        if (usernames.isEmpty()) {
            return;
        }
        database.inTransaction("disable " + usernames.size() + " people gone from the directory", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE directory_people SET disabled = TRUE, synced_at = ? WHERE username = ?")) {
                for (String username : usernames) {
                    update.setLong(1, clock.millis());
                    update.setString(2, username);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<SyncedPerson> person(String username) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("read the directory entry of '" + name.get() + "'", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM directory_people WHERE username = ?")) {
                query.setString(1, name.get());
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<SyncedPerson>empty();
                }
            }
        });
    }

    @Override
    public Optional<Long> newestChange() throws StoreException {
        return database.inTransaction("read the newest directory change", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT MAX(modified_at) FROM directory_people");
                 ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    long newest = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(newest);
                }
                return Optional.<Long>empty();
            }
        });
    }

    @Override
    public void recordRun(SyncRun run) throws StoreException {
        database.inTransaction("record a directory sync run", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO directory_sync_runs (kind, started_at, "
                    + "finished_at, people_seen, added, updated, disabled, skipped, error) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, run.kind().name());
                insert.setLong(2, run.startedAt().toEpochMilli());
                insert.setLong(3, run.finishedAt().toEpochMilli());
                insert.setInt(4, run.seen());
                insert.setInt(5, run.added());
                insert.setInt(6, run.updated());
                insert.setInt(7, run.disabled());
                insert.setInt(8, run.skipped());
                insert.setString(9, run.error().map(e -> e.length() > 2048 ? e.substring(0, 2048) : e).orElse(null));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<SyncRun> latestRuns(int limit) throws StoreException {
        return database.inTransaction("read the latest directory sync runs", c -> {
            List<SyncRun> runs = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT kind, started_at, finished_at, people_seen, "
                    + "added, updated, disabled, skipped, error FROM directory_sync_runs ORDER BY id DESC")) {
                query.setMaxRows(limit);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        runs.add(new SyncRun(SyncRun.Kind.valueOf(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                rs.getInt(7), rs.getInt(8), Optional.ofNullable(rs.getString(9))));
                    }
                }
            }
            return List.copyOf(runs);
        });
    }

    private static void bind(PreparedStatement statement, SyncedPerson person) throws SQLException {
        statement.setString(1, person.username());
        statement.setString(2, person.directoryId());
        statement.setString(3, person.dn());
        statement.setString(4, person.displayName());
        statement.setString(5, person.mail().orElse(null));
        statement.setString(6, person.title().orElse(null));
        statement.setString(7, person.department().orElse(null));
        statement.setString(8, String.join("\n", person.workPhones()));
        statement.setString(9, String.join("\n", person.mobilePhones()));
        if (person.modifiedAt().isPresent()) {
            statement.setLong(10, person.modifiedAt().get());
        } else {
            statement.setNull(10, Types.BIGINT);
        }
        statement.setBoolean(11, person.disabled());
    }

    private static SyncedPerson read(ResultSet rs) throws SQLException {
        long modified = rs.getLong(10);
        Optional<Long> modifiedAt = rs.wasNull() ? Optional.empty() : Optional.of(modified);
        return new SyncedPerson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)), lines(rs.getString(8)), lines(rs.getString(9)), modifiedAt,
                rs.getBoolean(11));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
