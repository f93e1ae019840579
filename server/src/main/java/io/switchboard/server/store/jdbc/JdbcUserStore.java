package io.switchboard.server.store.jdbc;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.UserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UserStore} on the server's database. Usernames are local parts, lower-cased and
 * validated like a JID's; an invalid name given to a write is an
 * {@link io.switchboard.core.model.InvalidAddressException}, while lookups simply find nobody
 * (names arriving from the network are hostile and must not cause server errors).
 *
 * <p>Every password set here also yields SIP digest HA1s (MD5 and SHA-256) for the store's
 * digest realm, the server domain: SIP registration needs them and they cannot be derived later
 * from the SCRAM credentials.
 *
 * <p>Deleting a user deletes their credentials, roster, pending requests and offline
 * messages through the schema's ON DELETE CASCADE.
 */
public final class JdbcUserStore implements UserStore {

    private final Database database;
    private final String digestRealm;
    private final int iterations;
    private final Clock clock;

    /**
     * @param digestRealm the realm SIP digest credentials are computed for: the server domain.
     *                    Required, so no code path can set a password without them.
     */
    public JdbcUserStore(Database database, String digestRealm) {
        this(database, digestRealm, ScramCredential.DEFAULT_ITERATIONS, Clock.systemUTC());
    }

    public JdbcUserStore(Database database, String digestRealm, int iterations, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.digestRealm = Objects.requireNonNull(digestRealm, "digestRealm");
        this.iterations = iterations;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void create(String username, char[] password) throws StoreException {
        String name = Usernames.normalise(username);
        List<ScramCredential> credentials = derive(password);
        List<Ha1> digests = digests(name, password);
        boolean created = database.inTransaction("add user '" + name + "'", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO users (username, created_at, roster_version) VALUES (?, ?, 0)")) {
                insert.setString(1, name);
                insert.setLong(2, clock.millis());
                insert.executeUpdate();
            }
            writeCredentials(c, name, credentials);
            writeDigests(c, name, digests);
            return true;
        });
        if (!created) {
            throw new StoreException("User '" + name + "' already exists");
        }
    }

    @Override
    public void setPassword(String username, char[] password) throws StoreException {
        String name = Usernames.normalise(username);
        List<ScramCredential> credentials = derive(password);
        List<Ha1> digests = digests(name, password);
        boolean found = database.inTransaction("change the password of '" + name + "'", c -> {
            if (!lockUser(c, name)) {
                return false;
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM scram_credentials WHERE username = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sip_digest_credentials WHERE username = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
            writeCredentials(c, name, credentials);
            writeDigests(c, name, digests);
            return true;
        });
        if (!found) {
            throw new StoreException("There is no user '" + name + "'");
        }
    }

    @Override
    public boolean removeCredentials(String username) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(username);
        if (name.isEmpty()) {
            return false;
        }
        return database.inTransaction("take the credentials of '" + name.get() + "'", c -> {
            if (!lockUser(c, name.get())) {
                return false;
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM scram_credentials WHERE username = ?")) {
                delete.setString(1, name.get());
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sip_digest_credentials WHERE username = ?")) {
                delete.setString(1, name.get());
                delete.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean delete(String username) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(username);
        if (name.isEmpty()) {
            return false;
        }
        return database.inTransaction("remove user '" + name.get() + "'", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
                delete.setString(1, name.get());
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean exists(String username) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(username);
        if (name.isEmpty()) {
            return false;
        }
        return database.inTransaction("look up user '" + name.get() + "'", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                query.setString(1, name.get());
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public List<String> list() throws StoreException {
        return database.inTransaction("list users", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT username FROM users ORDER BY username");
                 ResultSet rs = query.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        });
    }

    @Override
    public Optional<ScramCredential> credential(String username, ScramHash hash) throws StoreException {
        Optional<String> name = Usernames.tryNormalise(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("read the credentials of '" + name.get() + "'", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT salt, iterations, stored_key, server_key FROM scram_credentials"
                            + " WHERE username = ? AND mechanism = ?")) {
                query.setString(1, name.get());
                query.setString(2, hash.mechanism());
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Base64.Decoder b64 = Base64.getDecoder();
                    return Optional.of(new ScramCredential(hash, b64.decode(rs.getString(1)), rs.getInt(2),
                            b64.decode(rs.getString(3)), b64.decode(rs.getString(4))));
                }
            }
        });
    }

    @Override
    public Optional<Ha1> digestCredential(String username, String realm, DigestAlgorithm algorithm)
            throws StoreException {
        Optional<String> name = Usernames.tryNormalise(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("read the SIP digest credential of '" + name.get() + "'", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT ha1 FROM sip_digest_credentials WHERE username = ? AND algorithm = ? AND realm = ?")) {
                query.setString(1, name.get());
                query.setString(2, algorithm.token());
                query.setString(3, realm);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Ha1(name.get(), realm, algorithm, rs.getString(1)))
                            : Optional.empty();
                }
            }
        });
    }

    private List<Ha1> digests(String name, char[] password) {
        Objects.requireNonNull(password, "password");
        // Ha1.compute takes a String: the password lives as one only for this computation
        String clear = new String(password);
        List<Ha1> digests = new ArrayList<>();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            digests.add(Ha1.compute(algorithm, name, digestRealm, clear));
        }
        return digests;
    }

    private static void writeDigests(Connection c, String name, List<Ha1> digests) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sip_digest_credentials (username, algorithm, realm, ha1) VALUES (?, ?, ?, ?)")) {
            for (Ha1 digest : digests) {
                insert.setString(1, name);
                insert.setString(2, digest.algorithm().token());
                insert.setString(3, digest.realm());
                insert.setString(4, digest.hex());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<ScramCredential> derive(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("The password must not be empty");
        }
        // derived before the transaction: PBKDF2 is deliberately slow and must not hold a connection
        List<ScramCredential> credentials = new ArrayList<>();
        for (ScramHash hash : ScramHash.values()) {
            credentials.add(ScramCredential.create(hash, password, iterations));
        }
        return credentials;
    }

    private static boolean lockUser(Connection c, String name) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT username FROM users WHERE username = ? FOR UPDATE")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void writeCredentials(Connection c, String name, List<ScramCredential> credentials)
            throws SQLException {
        Base64.Encoder b64 = Base64.getEncoder();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO scram_credentials (username, mechanism, salt, iterations, stored_key, server_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScramCredential credential : credentials) {
                insert.setString(1, name);
                insert.setString(2, credential.hash().mechanism());
                insert.setString(3, b64.encodeToString(credential.salt()));
                insert.setInt(4, credential.iterations());
                insert.setString(5, b64.encodeToString(credential.storedKey()));
                insert.setString(6, b64.encodeToString(credential.serverKey()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
