package io.switchboard.server.store.jdbc;

import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.VoiceMailbox;
import io.switchboard.server.store.VoiceMailboxStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;

/** {@link VoiceMailboxStore} on the server's database (table {@code voice_mailboxes}, migration V3). */
public final class JdbcVoiceMailboxStore implements VoiceMailboxStore {

    private final Database database;

    public JdbcVoiceMailboxStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public VoiceMailbox mailbox(String username) throws StoreException {
        String name = Usernames.normalise(username);
        return database.inTransaction("read the voice mailbox of '" + name + "'", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT new_messages, old_messages FROM voice_mailboxes WHERE username = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? new VoiceMailbox(rs.getInt(1), rs.getInt(2)) : VoiceMailbox.EMPTY;
                }
            }
        });
    }

    @Override
    public void set(String username, VoiceMailbox mailbox) throws StoreException {
        String name = Usernames.normalise(username);
        Objects.requireNonNull(mailbox, "mailbox");
        Boolean userExists = database.inTransaction("set the voice mailbox of '" + name + "'", c -> {
            // lock the user's row: two writers cannot both miss the update and both insert
            try (PreparedStatement lock = c.prepareStatement("SELECT username FROM users WHERE username = ? FOR UPDATE")) {
                lock.setString(1, name);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return Boolean.FALSE;
                    }
                }
            }
            // UPDATE then INSERT: portable across H2 and PostgreSQL, unlike MERGE / ON CONFLICT
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE voice_mailboxes SET new_messages = ?, old_messages = ? WHERE username = ?")) {
                update.setInt(1, mailbox.newMessages());
                update.setInt(2, mailbox.oldMessages());
                update.setString(3, name);
                if (update.executeUpdate() > 0) {
                    return Boolean.TRUE;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO voice_mailboxes (username, new_messages, old_messages) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setInt(2, mailbox.newMessages());
                insert.setInt(3, mailbox.oldMessages());
                insert.executeUpdate();
            }
            return Boolean.TRUE;
        });
        if (!userExists) {
            throw new StoreException("There is no user '" + name + "'");
        }
    }
}
