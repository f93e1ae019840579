package io.switchboard.server.store.jdbc;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RosterStore} on the server's database. Owners are local usernames of existing users
 * (lower-cased like {@link JdbcUserStore} does); contacts are bare JIDs.
 *
 * <p>Every change first bumps the owner's version counter in {@code users}: that UPDATE locks
 * the owner's row, so concurrent changes to one roster run one after another on both H2 and
 * PostgreSQL. The version string is {@code <account epoch>-<counter>}: the epoch (the account's
 * creation time) keeps a re-created account from reusing an old version a client cached.
 */
public final class JdbcRosterStore implements RosterStore {

    private final Database database;

    public JdbcRosterStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<RosterItem> items(String owner) throws StoreException {
        String name = Usernames.normalise(owner);
        return database.inTransaction("read the roster of '" + name + "'", c -> readItems(c, name, null));
    }

    @Override
    public Optional<RosterItem> item(String owner, Address contact) throws StoreException {
        String name = Usernames.normalise(owner);
        return database.inTransaction("read the roster of '" + name + "'",
                c -> readItems(c, name, contact.toJid()).stream().findFirst());
    }

    @Override
    public String version(String owner) throws StoreException {
        String name = Usernames.normalise(owner);
        return requireUser(name, database.inTransaction("read the roster version of '" + name + "'",
                c -> readVersion(c, name)));
    }

    @Override
    public String put(String owner, RosterItem item) throws StoreException {
        String name = Usernames.normalise(owner);
        String contact = item.contact().toJid();
        return requireUser(name, database.inTransaction("save roster item " + contact + " of '" + name + "'", c -> {
            if (!bumpVersion(c, name)) {
                return null;
            }
            deleteItem(c, name, contact);
            insertItem(c, name, item);
            return readVersion(c, name);
        }));
    }

    @Override
    public String remove(String owner, Address contact) throws StoreException {
        String name = Usernames.normalise(owner);
        String jid = contact.toJid();
        return requireUser(name, database.inTransaction("remove roster item " + jid + " of '" + name + "'", c -> {
            if (deleteItem(c, name, jid) && !bumpVersion(c, name)) {
                return null;
            }
            return readVersion(c, name);
        }));
    }

    @Override
    public List<String> ownersWithContact(Address contact) throws StoreException {
        String jid = contact.toJid();
        return database.inTransaction("find the rosters holding " + jid, c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT username FROM roster_items WHERE contact = ? ORDER BY username")) {
                query.setString(1, jid);
                return strings(query);
            }
        });
    }

    @Override
    public void addPendingIn(String owner, Address from, String stanzaXml) throws StoreException {
        String name = Usernames.normalise(owner);
        String sender = from.toJid();
        Objects.requireNonNull(stanzaXml, "stanzaXml");
        requireUser(name, database.inTransaction("store the subscription request from " + sender + " to '" + name + "'", c -> {
            if (!lockUser(c, name)) {
                return null;
            }
            // a repeated request replaces the stored stanza but keeps its place in the queue
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE pending_subscriptions SET stanza = ? WHERE username = ? AND sender = ?")) {
                update.setString(1, stanzaXml);
                update.setString(2, name);
                update.setString(3, sender);
                if (update.executeUpdate() > 0) {
                    return Boolean.TRUE;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO pending_subscriptions (username, sender, stanza) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, sender);
                insert.setString(3, stanzaXml);
                insert.executeUpdate();
            }
            return Boolean.TRUE;
        }));
    }

    @Override
    public void removePendingIn(String owner, Address from) throws StoreException {
        String name = Usernames.normalise(owner);
        String sender = from.toJid();
        database.inTransaction("remove the subscription request from " + sender + " to '" + name + "'", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM pending_subscriptions WHERE username = ? AND sender = ?")) {
                delete.setString(1, name);
                delete.setString(2, sender);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<PendingSubscription> pendingIn(String owner) throws StoreException {
        String name = Usernames.normalise(owner);
        return database.inTransaction("read the subscription requests to '" + name + "'", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT sender, stanza FROM pending_subscriptions WHERE username = ? ORDER BY id")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    List<PendingSubscription> pending = new ArrayList<>();
                    while (rs.next()) {
                        pending.add(new PendingSubscription(Address.fromJid(rs.getString(1)), rs.getString(2)));
                    }
                    return pending;
                }
            }
        });
    }

    private static <T> T requireUser(String name, T result) throws StoreException {
        if (result == null) {
            throw new StoreException("There is no user '" + name + "': rosters belong to existing users");
        }
        return result;
    }

    private static boolean bumpVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement bump = c.prepareStatement(
                "UPDATE users SET roster_version = roster_version + 1 WHERE username = ?")) {
            bump.setString(1, name);
            return bump.executeUpdate() > 0;
        }
    }

    private static boolean lockUser(Connection c, String name) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT username FROM users WHERE username = ? FOR UPDATE")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String readVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT created_at, roster_version FROM users WHERE username = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Long.toString(rs.getLong(1), 36) + "-" + rs.getLong(2) : null;
            }
        }
    }

    private static boolean deleteItem(Connection c, String name, String contact) throws SQLException {
        // groups go with the item (ON DELETE CASCADE)
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM roster_items WHERE username = ? AND contact = ?")) {
            delete.setString(1, name);
            delete.setString(2, contact);
            return delete.executeUpdate() > 0;
        }
    }

    private static void insertItem(Connection c, String name, RosterItem item) throws SQLException {
        String contact = item.contact().toJid();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO roster_items (username, contact, display_name, subscription, ask_subscribe, pre_approved)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, contact);
            insert.setString(3, item.name());
            insert.setString(4, item.subscription().name());
            insert.setBoolean(5, item.askSubscribe());
            insert.setBoolean(6, item.preApproved());
            insert.executeUpdate();
        }
        if (item.groups().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO roster_groups (username, contact, group_name) VALUES (?, ?, ?)")) {
            for (String group : item.groups()) {
                insert.setString(1, name);
                insert.setString(2, contact);
                insert.setString(3, group);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** All items of {@code name}, or the one for {@code onlyContact} when it is not null. */
    private static List<RosterItem> readItems(Connection c, String name, String onlyContact) throws SQLException {
        String filter = onlyContact == null ? "" : " AND contact = ?";
        Map<String, RosterItem> items = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT contact, display_name, subscription, ask_subscribe, pre_approved FROM roster_items"
                        + " WHERE username = ?" + filter + " ORDER BY contact")) {
            query.setString(1, name);
            if (onlyContact != null) {
                query.setString(2, onlyContact);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    items.put(rs.getString(1), new RosterItem(Address.fromJid(rs.getString(1)), rs.getString(2),
                            SubscriptionState.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5), Set.of()));
                }
            }
        }
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT contact, group_name FROM roster_groups WHERE username = ?" + filter)) {
            query.setString(1, name);
            if (onlyContact != null) {
                query.setString(2, onlyContact);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        List<RosterItem> result = new ArrayList<>(items.size());
        for (Map.Entry<String, RosterItem> e : items.entrySet()) {
            RosterItem item = e.getValue();
            result.add(item.withNameAndGroups(item.name(), groups.getOrDefault(e.getKey(), Set.of())));
        }
        return result;
    }

    private static List<String> strings(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
