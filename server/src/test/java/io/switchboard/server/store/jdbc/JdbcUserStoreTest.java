package io.switchboard.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

class JdbcUserStoreTest {

    @TempDir
    Path dir;
    Database database;
    JdbcUserStore users;

    @BeforeEach
    void open() throws StoreException {
        database = TestDatabases.open(dir);
        // few iterations: PBKDF2 at 4096 would make every test slow without testing more
        users = new JdbcUserStore(database, "localhost", 64, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createdUserHasCredentialsForBothHashesThatMatchThePassword() throws StoreException {
        users.create("alice", "secret".toCharArray());

        for (ScramHash hash : ScramHash.values()) {
            ScramCredential credential = users.credential("alice", hash).orElseThrow();
            assertThat(credential.hash()).isEqualTo(hash);
            assertThat(credential.iterations()).isEqualTo(64);
            assertThat(credential.matches("secret".toCharArray())).isTrue();
            assertThat(credential.matches("Secret".toCharArray())).isFalse();
        }
    }

    @Test
    void thePasswordItselfIsNotStored() throws Exception {
        users.create("alice", "very-unusual-password".toCharArray());

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM scram_credentials")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i))).doesNotContain("very-unusual-password");
                }
            }
        }
    }

    @Test
    void usernamesAreCaseFolded() throws StoreException {
        users.create("Alice", "pw".toCharArray());

        assertThat(users.list()).containsExactly("alice");
        assertThat(users.exists("ALICE")).isTrue();
        assertThat(users.credential("aLiCe", ScramHash.SHA_256)).isPresent();
    }

    @Test
    void creatingAnExistingUserFailsAndKeepsTheOldPassword() throws StoreException {
        users.create("bob", "first".toCharArray());

        assertThatThrownBy(() -> users.create("BOB", "second".toCharArray()))
                .isInstanceOf(StoreException.class).hasMessageContaining("'bob' already exists");
        assertThat(users.credential("bob", ScramHash.SHA_1).orElseThrow().matches("first".toCharArray())).isTrue();
    }

    @Test
    void invalidUsernamesAreRejectedWhenCreatingAndFindNobodyWhenLookingUp() throws StoreException {
        assertThatThrownBy(() -> users.create("bad name", "pw".toCharArray()))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("forbidden character");
        assertThatThrownBy(() -> users.create("a@b", "pw".toCharArray()))
                .isInstanceOf(InvalidAddressException.class);

        assertThat(users.exists("bad name")).isFalse();
        assertThat(users.credential("<x>", ScramHash.SHA_256)).isEmpty();
        assertThat(users.delete("")).isFalse();
    }

    @Test
    void emptyPasswordIsRejected() {
        assertThatThrownBy(() -> users.create("carol", new char[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setPasswordReplacesBothCredentials() throws StoreException {
        users.create("carol", "old".toCharArray());

        users.setPassword("carol", "new".toCharArray());

        for (ScramHash hash : ScramHash.values()) {
            ScramCredential credential = users.credential("carol", hash).orElseThrow();
            assertThat(credential.matches("new".toCharArray())).isTrue();
            assertThat(credential.matches("old".toCharArray())).isFalse();
        }
    }

    @Test
    void setPasswordOfUnknownUserFails() {
        assertThatThrownBy(() -> users.setPassword("nobody", "x".toCharArray()))
                .isInstanceOf(StoreException.class).hasMessageContaining("no user 'nobody'");
    }

    @Test
    void deleteRemovesTheUserAndReportsWhetherThereWasOne() throws StoreException {
        users.create("dave", "pw".toCharArray());

        assertThat(users.delete("Dave")).isTrue();
        assertThat(users.delete("dave")).isFalse();
        assertThat(users.exists("dave")).isFalse();
        assertThat(users.credential("dave", ScramHash.SHA_256)).isEmpty();
    }

    @Test
    void removingCredentialsEndsSignInButKeepsTheUserUntilAPasswordIsSetAgain() throws StoreException {
        users.create("frank", "pw".toCharArray());

        assertThat(users.removeCredentials("Frank")).isTrue();

        assertThat(users.exists("frank")).isTrue();
        assertThat(users.credential("frank", ScramHash.SHA_256)).isEmpty();
        assertThat(users.digestCredential("frank", "localhost", DigestAlgorithm.MD5)).isEmpty();
        assertThat(users.removeCredentials("nobody")).isFalse();
        users.setPassword("frank", "again".toCharArray());
        assertThat(users.credential("frank", ScramHash.SHA_256).orElseThrow().matches("again".toCharArray())).isTrue();
    }

    @Test
    void listIsSorted() throws StoreException {
        users.create("erin", "pw".toCharArray());
        users.create("bob", "pw".toCharArray());
        users.create("alice", "pw".toCharArray());

        assertThat(users.list()).containsExactly("alice", "bob", "erin");
    }

    @Test
    void createdUserHasSipDigestCredentialsForTheRealmAndBothAlgorithms() throws StoreException {
        users.create("Alice", "secret".toCharArray());

        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            assertThat(users.digestCredential("alice", "localhost", algorithm))
                    .contains(Ha1.compute(algorithm, "alice", "localhost", "secret"));
        }
        // RFC 2617 §3.2.2.2: HA1 = MD5(username ":" realm ":" password), checked by hand once
        assertThat(users.digestCredential("alice", "localhost", DigestAlgorithm.MD5).orElseThrow().hex())
                .isEqualTo(DigestAlgorithm.MD5.hex("alice:localhost:secret"));
    }

    @Test
    void digestCredentialsOfAnotherRealmOrAnUnknownUserAreAbsent() throws StoreException {
        users.create("alice", "secret".toCharArray());

        assertThat(users.digestCredential("alice", "example.com", DigestAlgorithm.MD5)).isEmpty();
        assertThat(users.digestCredential("nobody", "localhost", DigestAlgorithm.MD5)).isEmpty();
        assertThat(users.digestCredential("not a valid name@", "localhost", DigestAlgorithm.MD5)).isEmpty();
    }

    @Test
    void changingThePasswordReplacesTheDigestCredentials() throws StoreException {
        users.create("alice", "first".toCharArray());
        users.setPassword("alice", "second".toCharArray());

        assertThat(users.digestCredential("alice", "localhost", DigestAlgorithm.SHA_256))
                .contains(Ha1.compute(DigestAlgorithm.SHA_256, "alice", "localhost", "second"));
    }

    @Test
    void deletingAUserDeletesTheDigestCredentials() throws Exception {
        users.create("alice", "secret".toCharArray());
        users.delete("alice");

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sip_digest_credentials")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void thePasswordItselfIsNotAmongTheDigestCredentials() throws Exception {
        users.create("alice", "very-unusual-password".toCharArray());

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM sip_digest_credentials")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(rs.getString(i)).doesNotContain("very-unusual-password");
                }
            }
            assertThat(rows).isEqualTo(DigestAlgorithm.values().length);
        }
    }

    @Test
    void usersSurviveClosingAndReopeningTheDatabase() throws StoreException {
        users.create("alice", "persistent".toCharArray());
        database.close();

        database = TestDatabases.open(dir);
        users = new JdbcUserStore(database, "localhost", 64, Clock.systemUTC());

        assertThat(users.list()).containsExactly("alice");
        assertThat(users.credential("alice", ScramHash.SHA_256).orElseThrow().matches("persistent".toCharArray())).isTrue();
    }

    @Test
    void anUnusableUrlIsReportedWithTheUrlButWithoutItsParameters() {
        assertThatThrownBy(() -> Database.open("jdbc:nosuchdb://host/db;password=hunter2", "sa", "", 1))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not open the database jdbc:nosuchdb://host/db")
                .hasMessageNotContaining("hunter2");
    }
}
