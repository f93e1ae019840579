package io.switchboard.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore.PendingSubscription;
import io.switchboard.server.store.StoreException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

class JdbcRosterStoreTest {

    static final Address BOB = Address.of("bob", "localhost");
    static final Address CAROL = Address.of("carol", "localhost");
    static final Address REMOTE = Address.of("zoe", "example.org");

    @TempDir
    Path dir;
    Database database;
    JdbcUserStore users;
    JdbcRosterStore rosters;

    @BeforeEach
    void open() throws StoreException {
        reopen();
        users.create("alice", "pw".toCharArray());
        users.create("bob", "pw".toCharArray());
    }

    private void reopen() throws StoreException {
        database = TestDatabases.open(dir);
        users = new JdbcUserStore(database, "localhost", 16, Clock.systemUTC());
        rosters = new JdbcRosterStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void putStoresEveryFieldOfTheItem() throws StoreException {
        RosterItem item = new RosterItem(BOB, "Bob B.", SubscriptionState.TO, true, true, Set.of("Engineering", "Friends"));

        rosters.put("alice", item);

        assertThat(rosters.items("alice")).containsExactly(item);
        assertThat(rosters.item("alice", BOB)).contains(item);
        assertThat(rosters.item("alice", CAROL)).isEmpty();
    }

    @Test
    void putReplacesAnExistingItemIncludingItsGroups() throws StoreException {
        rosters.put("alice", new RosterItem(BOB, "Bob", SubscriptionState.NONE, true, false, Set.of("A", "B")));
        RosterItem replaced = new RosterItem(BOB, "Robert", SubscriptionState.BOTH, false, false, Set.of("C"));

        rosters.put("alice", replaced);

        assertThat(rosters.items("alice")).containsExactly(replaced);
    }

    @Test
    void everyPutAndRemoveChangesTheVersionAndARemoveOfNothingDoesNot() throws StoreException {
        Set<String> seen = new HashSet<>();
        seen.add(rosters.version("alice"));
        assertThat(seen.add(rosters.put("alice", RosterItem.none(BOB)))).isTrue();
        assertThat(seen.add(rosters.put("alice", RosterItem.none(BOB).withAsk(true)))).isTrue();
        String afterRemove = rosters.remove("alice", BOB);
        assertThat(seen.add(afterRemove)).isTrue();
        assertThat(rosters.version("alice")).isEqualTo(afterRemove);

        assertThat(rosters.remove("alice", BOB)).isEqualTo(afterRemove);
    }

    @Test
    void versionsOfDifferentOwnersAreIndependent() throws StoreException {
        String bobs = rosters.version("bob");

        rosters.put("alice", RosterItem.none(CAROL));

        assertThat(rosters.version("bob")).isEqualTo(bobs);
    }

    @Test
    void ownersAreCaseFoldedLikeUsernames() throws StoreException {
        rosters.put("ALICE", RosterItem.none(BOB));

        assertThat(rosters.items("alice")).extracting(RosterItem::contact).containsExactly(BOB);
    }

    @Test
    void aRosterNeedsAnExistingOwner() {
        assertThatThrownBy(() -> rosters.put("nobody", RosterItem.none(BOB)))
                .isInstanceOf(StoreException.class).hasMessageContaining("no user 'nobody'");
        assertThatThrownBy(() -> rosters.version("nobody")).isInstanceOf(StoreException.class);
    }

    @Test
    void ownersWithContactFindsEveryRosterHoldingTheContact() throws StoreException {
        users.create("carol", "pw".toCharArray());
        rosters.put("alice", RosterItem.none(REMOTE));
        rosters.put("carol", RosterItem.none(REMOTE).withSubscription(SubscriptionState.BOTH));
        rosters.put("bob", RosterItem.none(CAROL));

        assertThat(rosters.ownersWithContact(REMOTE)).containsExactly("alice", "carol");
        assertThat(rosters.ownersWithContact(BOB)).isEmpty();
    }

    @Test
    void pendingRequestsAreKeptInArrivalOrderAndARepeatReplacesTheStanzaInPlace() throws StoreException {
        rosters.addPendingIn("alice", BOB, "<presence type='subscribe' id='1'/>");
        rosters.addPendingIn("alice", REMOTE, "<presence type='subscribe' id='2'/>");
        rosters.addPendingIn("alice", BOB, "<presence type='subscribe' id='3'/>");

        assertThat(rosters.pendingIn("alice")).containsExactly(
                new PendingSubscription(BOB, "<presence type='subscribe' id='3'/>"),
                new PendingSubscription(REMOTE, "<presence type='subscribe' id='2'/>"));

        rosters.removePendingIn("alice", BOB);

        assertThat(rosters.pendingIn("alice")).extracting(PendingSubscription::from).containsExactly(REMOTE);
        assertThat(rosters.pendingIn("bob")).isEmpty();
    }

    @Test
    void deletingAUserRemovesTheirRosterAndPendingRequestsButNotOthersItemsAboutThem() throws StoreException {
        rosters.put("alice", RosterItem.none(BOB).withSubscription(SubscriptionState.BOTH));
        rosters.addPendingIn("alice", REMOTE, "<presence type='subscribe'/>");
        rosters.put("bob", RosterItem.none(Address.of("alice", "localhost")));

        users.delete("alice");
        users.create("alice", "pw".toCharArray());

        assertThat(rosters.items("alice")).isEmpty();
        assertThat(rosters.pendingIn("alice")).isEmpty();
        assertThat(rosters.items("bob")).hasSize(1);
    }

    @Test
    void rosterAndPendingRequestsSurviveARestart() throws StoreException {
        RosterItem item = new RosterItem(BOB, "Bob", SubscriptionState.FROM, false, true, Set.of("Sales"));
        String version = rosters.put("alice", item);
        rosters.addPendingIn("alice", REMOTE, "<presence type='subscribe'/>");
        database.close();

        reopen();

        assertThat(rosters.items("alice")).containsExactly(item);
        assertThat(rosters.version("alice")).isEqualTo(version);
        assertThat(rosters.pendingIn("alice")).hasSize(1);
    }
}
