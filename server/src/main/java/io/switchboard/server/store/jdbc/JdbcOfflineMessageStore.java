package io.switchboard.server.store.jdbc;

import io.switchboard.server.store.OfflineMessageStore;
import io.switchboard.server.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link OfflineMessageStore} on the server's database, with a per-user quota so that one
 * flooded account cannot fill the disk. Owners are local usernames of existing users.
 */
public final class JdbcOfflineMessageStore implements OfflineMessageStore {

    /** Rows deleted per statement: keeps IN lists within what every driver accepts. */
    private static final int DELETE_CHUNK = 500;

    private final Database database;
    private final int quotaPerUser;

    public JdbcOfflineMessageStore(Database database, int quotaPerUser) {
        this.database = Objects.requireNonNull(database, "database");
        if (quotaPerUser < 0) {
            throw new IllegalArgumentException("quotaPerUser must not be negative: " + quotaPerUser);
        }
        this.quotaPerUser = quotaPerUser;
    }

    @Override
    public boolean store(String owner, String stanzaXml, Instant receivedAt) throws StoreException {
        String name = Usernames.normalise(owner);
        Objects.requireNonNull(stanzaXml, "stanzaXml");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Boolean stored = database.inTransaction("store an offline message for '" + name + "'", c -> {
            // lock the owner's row so two concurrent messages cannot both take the last slot
            try (PreparedStatement lock = c.prepareStatement("SELECT username FROM users WHERE username = ? FOR UPDATE")) {
                lock.setString(1, name);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                }
            }
            if (countIn(c, name) >= quotaPerUser) {
                return Boolean.FALSE;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO offline_messages (username, stanza, received_at) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, stanzaXml);
                insert.setLong(3, receivedAt.toEpochMilli());
                insert.executeUpdate();
            }
            return Boolean.TRUE;
        });
        if (stored == null) {
            throw new StoreException("There is no user '" + name + "' to keep offline messages for");
        }
        return stored;
    }

    @Override
    public List<OfflineMessage> fetch(String owner) throws StoreException {
        String name = Usernames.normalise(owner);
        return database.inTransaction("read the offline messages of '" + name + "'", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT id, stanza, received_at FROM offline_messages WHERE username = ? ORDER BY id")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    List<OfflineMessage> messages = new ArrayList<>();
                    while (rs.next()) {
                        messages.add(new OfflineMessage(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                    return messages;
                }
            }
        });
    }

    @Override
    public void delete(String owner, List<Long> ids) throws StoreException {
        String name = Usernames.normalise(owner);
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction("delete delivered offline messages of '" + name + "'", c -> {
            for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                // the owner condition stops one user's session from deleting another's messages
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM offline_messages WHERE username = ? AND id IN (" + marks + ")")) {
                    delete.setString(1, name);
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setLong(i + 2, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public int count(String owner) throws StoreException {
        String name = Usernames.normalise(owner);
        return database.inTransaction("count the offline messages of '" + name + "'", c -> countIn(c, name));
    }

    private static int countIn(Connection c, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM offline_messages WHERE username = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
