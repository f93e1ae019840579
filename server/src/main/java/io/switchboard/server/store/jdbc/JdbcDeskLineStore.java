package io.switchboard.server.store.jdbc;

import io.switchboard.server.store.DeskLineStore;
import io.switchboard.server.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link DeskLineStore} on the server's database (table {@code desk_lines}, migration V4). */
public final class JdbcDeskLineStore implements DeskLineStore {

    private final Database database;

    public JdbcDeskLineStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<String> owner(String line) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(line);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("read the owner of line '" + name.get() + "'", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT owner FROM desk_lines WHERE line = ?")) {
                query.setString(1, name.get());
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public List<String> linesOf(String owner) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(owner);
        if (name.isEmpty()) {
            return List.of();
        }
        return database.inTransaction("read the lines of '" + name.get() + "'", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT line FROM desk_lines WHERE owner = ? ORDER BY line")) {
                query.setString(1, name.get());
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return List.copyOf(lines);
            }
        });
    }

    @Override
    public void assign(String line, String owner) throws StoreException {
        String lineName = Usernames.normalise(line);
        String ownerName = Usernames.normalise(owner);
        if (lineName.equals(ownerName)) {
            throw new StoreException("A user cannot be their own desk line: '" + lineName + "'");
        }
        String missing = database.inTransaction("assign line '" + lineName + "' to '" + ownerName + "'", c -> {
            for (String account : List.of(lineName, ownerName)) {
                if (!exists(c, account)) {
                    return account;
                }
            }
            // UPDATE then INSERT: portable across H2 and PostgreSQL, unlike MERGE / ON CONFLICT
            try (PreparedStatement update = c.prepareStatement("UPDATE desk_lines SET owner = ? WHERE line = ?")) {
                update.setString(1, ownerName);
                update.setString(2, lineName);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO desk_lines (line, owner) VALUES (?, ?)")) {
                insert.setString(1, lineName);
                insert.setString(2, ownerName);
                insert.executeUpdate();
            }
            return null;
        });
        if (missing != null) {
            throw new StoreException("There is no user '" + missing + "'");
        }
    }

    @Override
    public boolean unassign(String line) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(line);
        if (name.isEmpty()) {
            return false;
        }
        return database.inTransaction("unassign line '" + name.get() + "'", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM desk_lines WHERE line = ?")) {
                delete.setString(1, name.get());
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** Locks the user's row, so the assignment cannot race the account's deletion. */
    private static boolean exists(Connection c, String username) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT username FROM users WHERE username = ? FOR UPDATE")) {
            lock.setString(1, username);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        }
    }
}
