package io.switchboard.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.server.store.OfflineMessageStore.OfflineMessage;
import io.switchboard.server.store.StoreException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

class JdbcOfflineMessageStoreTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:15:30.123Z");

    @TempDir
    Path dir;
    Database database;
    JdbcUserStore users;
    JdbcOfflineMessageStore offline;

    @BeforeEach
    void open() throws StoreException {
        database = TestDatabases.open(dir);
        users = new JdbcUserStore(database, "localhost", 16, Clock.systemUTC());
        offline = new JdbcOfflineMessageStore(database, 3);
        users.create("alice", "pw".toCharArray());
        users.create("bob", "pw".toCharArray());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void fetchReturnsMessagesInArrivalOrderWithTheirTime() throws StoreException {
        offline.store("alice", "<message id='1'/>", T0);
        offline.store("alice", "<message id='2'/>", T0.plusSeconds(1));

        List<OfflineMessage> messages = offline.fetch("alice");

        assertThat(messages).extracting(OfflineMessage::stanzaXml).containsExactly("<message id='1'/>", "<message id='2'/>");
        assertThat(messages.get(0).receivedAt()).isEqualTo(T0);
        assertThat(messages.get(0).id()).isLessThan(messages.get(1).id());
        assertThat(offline.fetch("bob")).isEmpty();
    }

    @Test
    void storeReturnsFalseWhenTheQuotaIsFullAndTrueAgainAfterDelivery() throws StoreException {
        assertThat(offline.store("alice", "<message id='1'/>", T0)).isTrue();
        assertThat(offline.store("alice", "<message id='2'/>", T0)).isTrue();
        assertThat(offline.store("alice", "<message id='3'/>", T0)).isTrue();

        assertThat(offline.store("alice", "<message id='4'/>", T0)).isFalse();
        assertThat(offline.count("alice")).isEqualTo(3);
        assertThat(offline.store("bob", "<message/>", T0)).as("quota is per user").isTrue();

        offline.delete("alice", List.of(offline.fetch("alice").get(0).id()));
        assertThat(offline.store("alice", "<message id='5'/>", T0)).isTrue();
    }

    @Test
    void deleteRemovesOnlyTheGivenMessagesOfThatOwner() throws StoreException {
        offline.store("alice", "<message id='a1'/>", T0);
        offline.store("alice", "<message id='a2'/>", T0);
        offline.store("bob", "<message id='b1'/>", T0);
        long a1 = offline.fetch("alice").get(0).id();
        long b1 = offline.fetch("bob").get(0).id();

        offline.delete("alice", List.of(a1, b1));

        assertThat(offline.fetch("alice")).extracting(OfflineMessage::stanzaXml).containsExactly("<message id='a2'/>");
        assertThat(offline.count("bob")).as("alice cannot delete bob's messages").isEqualTo(1);
    }

    @Test
    void storingForAnUnknownUserFails() {
        assertThatThrownBy(() -> offline.store("nobody", "<message/>", T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("no user 'nobody'");
    }

    @Test
    void deletingTheUserDeletesTheirMessages() throws StoreException {
        offline.store("alice", "<message/>", T0);

        users.delete("alice");
        users.create("alice", "pw".toCharArray());

        assertThat(offline.count("alice")).isZero();
    }

    @Test
    void largeStanzasUpToTheDefaultLimitAreKept() throws StoreException {
        String body = "x".repeat(262_144 - 30);
        String stanza = "<message><body>" + body + "</body></message>";

        offline.store("alice", stanza, T0);

        assertThat(offline.fetch("alice").get(0).stanzaXml()).isEqualTo(stanza);
    }

    @Test
    void messagesSurviveARestart() throws StoreException {
        offline.store("alice", "<message id='kept'/>", T0);
        database.close();

        database = TestDatabases.open(dir);
        offline = new JdbcOfflineMessageStore(database, 3);

        assertThat(offline.fetch("alice")).extracting(OfflineMessage::stanzaXml).containsExactly("<message id='kept'/>");
    }
}
