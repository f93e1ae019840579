package io.switchboard.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.store.CredentialCachingUserStore;
import io.switchboard.server.store.OfflineEmptinessCachingStore;
import io.switchboard.server.store.OfflineMessageStore.OfflineMessage;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory caches in front of the real H2 stores: what they keep, and when they forget it. */
class CachingStoresTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;
    Database database;
    JdbcUserStore jdbcUsers;
    CredentialCachingUserStore users;
    JdbcOfflineMessageStore jdbcOffline;
    OfflineEmptinessCachingStore offline;

    @BeforeEach
    void open() throws StoreException {
        database = TestDatabases.open(dir);
        jdbcUsers = new JdbcUserStore(database, "localhost", 16, Clock.systemUTC());
        users = new CredentialCachingUserStore(jdbcUsers);
        jdbcOffline = new JdbcOfflineMessageStore(database, 5);
        offline = new OfflineEmptinessCachingStore(jdbcOffline);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aReadHa1IsServedFromMemoryAndANewPasswordReplacesIt() throws Exception {
        users.create("alice", "old".toCharArray());
        Ha1 first = users.digestCredential("alice", "localhost", DigestAlgorithm.MD5).orElseThrow();
        assertThat(first.hex()).isEqualTo(Ha1.compute(DigestAlgorithm.MD5, "alice", "localhost", "old").hex());

        sql("DELETE FROM sip_digest_credentials WHERE username = 'alice'");
        // the database no longer has it; the cache still answers (no query per REGISTER)
        assertThat(users.digestCredential("alice", "localhost", DigestAlgorithm.MD5)).contains(first);

        users.setPassword("alice", "new".toCharArray());
        assertThat(users.digestCredential("alice", "localhost", DigestAlgorithm.MD5).orElseThrow().hex())
                .isEqualTo(Ha1.compute(DigestAlgorithm.MD5, "alice", "localhost", "new").hex());
    }

    @Test
    void aDeletedUserIsForgotten() throws StoreException {
        users.create("bob", "pw".toCharArray());
        assertThat(users.exists("bob")).isTrue();
        assertThat(users.digestCredential("bob", "localhost", DigestAlgorithm.MD5)).isPresent();

        assertThat(users.delete("bob")).isTrue();

        assertThat(users.exists("bob")).isFalse();
        assertThat(users.digestCredential("bob", "localhost", DigestAlgorithm.MD5)).isEmpty();
    }

    @Test
    void unknownUsersAreNotRememberedSoAUserAddedLaterIsFound() throws StoreException {
        assertThat(users.exists("carol")).isFalse();
        assertThat(users.digestCredential("carol", "localhost", DigestAlgorithm.MD5)).isEmpty();

        jdbcUsers.create("carol", "pw".toCharArray()); // e.g. a test fixture writing to the store itself

        assertThat(users.exists("carol")).isTrue();
        assertThat(users.digestCredential("carol", "localhost", DigestAlgorithm.MD5)).isPresent();
        assertThat(users.digestCredential("carol", "elsewhere", DigestAlgorithm.MD5)).isEmpty();
    }

    @Test
    void nothingToDeliverIsRememberedUntilAMessageIsStored() throws StoreException {
        jdbcUsers.create("dave", "pw".toCharArray());
        assertThat(offline.fetch("dave")).isEmpty();

        jdbcOffline.store("dave", "<message id='behind-its-back'/>", T0);
        // remembered: the emptiness is answered without the database
        assertThat(offline.fetch("dave")).isEmpty();
        assertThat(offline.count("dave")).isZero();

        assertThat(offline.store("dave", "<message id='through-it'/>", T0.plusSeconds(1))).isTrue();

        assertThat(offline.count("dave")).isEqualTo(2);
        assertThat(offline.fetch("dave")).extracting(OfflineMessage::stanzaXml)
                .containsExactly("<message id='behind-its-back'/>", "<message id='through-it'/>");
    }

    @Test
    void aStoreForSomeoneElseAlsoEndsTheRememberedEmptinessButNeverHidesAMessage() throws StoreException {
        jdbcUsers.create("erin", "pw".toCharArray());
        jdbcUsers.create("frank", "pw".toCharArray());
        assertThat(offline.fetch("erin")).isEmpty();
        assertThat(offline.fetch("frank")).isEmpty();

        offline.store("frank", "<message id='1'/>", T0);

        assertThat(offline.fetch("frank")).hasSize(1);
        assertThat(offline.fetch("erin")).isEmpty();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
