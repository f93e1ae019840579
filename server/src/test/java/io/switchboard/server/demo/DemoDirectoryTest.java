package io.switchboard.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDeskLineStore;
import io.switchboard.server.store.jdbc.JdbcRosterStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.Ha1;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

class DemoDirectoryTest {

    @TempDir
    Path dir;
    Database database;
    JdbcUserStore users;
    JdbcRosterStore rosters;
    DemoDirectory demo;

    @BeforeEach
    void open() throws StoreException {
        database = Database.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", 2);
        users = new JdbcUserStore(database, "localhost", 16, Clock.systemUTC());
        rosters = new JdbcRosterStore(database);
        demo = new DemoDirectory(users, rosters, "localhost");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void seedCreatesTheDemoUsersWithTheDemoPassword() throws StoreException {
        DemoDirectory.SeedResult result = demo.seed();

        assertThat(users.list()).hasSize(36).contains("alice", "bob", "carol", "dave", "erin", "grace", "henry");
        assertThat(result.createdUsers()).hasSize(36);
        assertThat(users.credential("carol", ScramHash.SHA_256).orElseThrow().matches("demo".toCharArray())).isTrue();
    }

    @Test
    void buddyListsAreMutualAndGroupedByTheContactsDepartment() throws StoreException {
        demo.seed();

        for (String owner : users.list()) {
            assertThat(rosters.items(owner)).as("%s's buddy list", owner).isNotEmpty().allSatisfy(item -> {
                assertThat(item.subscription()).isEqualTo(SubscriptionState.BOTH);
                assertThat(rosters.item(item.contact().local(), Address.of(owner, "localhost")))
                        .as("%s has %s back", item.contact().local(), owner)
                        .hasValueSatisfying(back -> assertThat(back.subscription()).isEqualTo(SubscriptionState.BOTH));
            });
        }
        RosterItem bob = rosters.item("alice", Address.of("bob", "localhost")).orElseThrow();
        assertThat(bob.name()).isEqualTo("Bob Brown");
        assertThat(bob.groups()).containsExactly("Engineering");
        assertThat(rosters.item("erin", Address.of("carol", "localhost")).orElseThrow().groups())
                .isEqualTo(Set.of("Sales"));
        assertThat(rosters.ownersWithContact(Address.of("erin", "localhost")))
                .contains("alice", "bob", "carol", "dave", "kate").doesNotContain("erin", "maya");
    }

    @Test
    void alicesBuddyListHasHerTeamHerManagerAndAFewColleaguesInOtherDepartments() throws StoreException {
        demo.seed();

        var items = rosters.items("alice");
        assertThat(items).hasSizeBetween(15, 25);
        Set<String> groups = items.stream().flatMap(i -> i.groups().stream()).collect(Collectors.toSet());
        assertThat(groups).hasSizeBetween(3, 5).contains("Engineering", "Management", "Sales");
        assertThat(items).extracting(i -> i.contact().local()).contains("bob", "henry", "carol", "erin")
                .doesNotContain("grace", "alice");
    }

    @Test
    void seedingTwiceChangesNothingNotEvenRosterVersions() throws StoreException {
        demo.seed();
        Map<String, String> versions = new HashMap<>();
        for (String user : users.list()) {
            versions.put(user, rosters.version(user));
        }
        var aliceCredential = users.credential("alice", ScramHash.SHA_256).orElseThrow();

        DemoDirectory.SeedResult second = demo.seed();

        assertThat(second.createdUsers()).isEmpty();
        assertThat(second.addedRosterItems()).isZero();
        for (String user : users.list()) {
            assertThat(rosters.version(user)).isEqualTo(versions.get(user));
        }
        assertThat(users.credential("alice", ScramHash.SHA_256)).contains(aliceCredential);
    }

    @Test
    void anExistingUserKeepsTheirOwnPassword() throws StoreException {
        users.create("bob", "own-secret".toCharArray());

        demo.seed();

        assertThat(users.credential("bob", ScramHash.SHA_256).orElseThrow().matches("own-secret".toCharArray())).isTrue();
        assertThat(rosters.items("bob")).hasSize(DemoOrganisation.contactsOf("bob").size());
    }

    @Test
    void demoUsersGetSipDigestCredentialsForTheDomain() throws StoreException {
        demo.seed();

        assertThat(users.digestCredential("alice", "localhost", DigestAlgorithm.MD5))
                .contains(Ha1.compute(DigestAlgorithm.MD5, "alice", "localhost", DemoDirectory.PASSWORD));
    }

    @Test
    void aDemoUserSeededBeforeDigestCredentialsGetsThemWhileAChangedPasswordIsKept() throws Exception {
        users.create("alice", DemoDirectory.PASSWORD.toCharArray());
        users.create("bob", "own-secret".toCharArray());
        try (var c = database.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sip_digest_credentials");
        }

        demo.seed();

        assertThat(users.digestCredential("alice", "localhost", DigestAlgorithm.SHA_256))
                .contains(Ha1.compute(DigestAlgorithm.SHA_256, "alice", "localhost", DemoDirectory.PASSWORD));
        assertThat(users.digestCredential("bob", "localhost", DigestAlgorithm.SHA_256)).isEmpty();
        assertThat(users.credential("bob", ScramHash.SHA_256).orElseThrow().matches("own-secret".toCharArray())).isTrue();
    }

    @Test
    void everyDemoUserGetsADeskLineWithAStableExtensionAssignedToThemOnce() throws StoreException {
        JdbcDeskLineStore lines = new JdbcDeskLineStore(database);
        DemoDirectory withLines = new DemoDirectory(users, rosters, null, lines, "localhost");

        DemoDirectory.SeedResult first = withLines.seed();

        assertThat(first.createdDeskLines()).hasSize(DemoOrganisation.USERS.size()).startsWith("1001", "1002");
        assertThat(lines.owner("1001")).contains("alice");
        assertThat(lines.owner("1002")).contains("bob");
        assertThat(lines.owner("1005")).contains("erin");
        assertThat(first.deskLines()).containsEntry("alice", "1001").hasSize(DemoOrganisation.USERS.size());
        assertThat(DemoOrganisation.USERS).allSatisfy(u -> assertThat(DemoDeskLines.lineOf(u.username())).isPresent());
        assertThat(users.digestCredential("1001", "localhost", DigestAlgorithm.MD5))
                .contains(Ha1.compute(DigestAlgorithm.MD5, "1001", "localhost", DemoDirectory.PASSWORD));

        // someone took bob's line and changed its password: a restart gives the line back, keeps the password
        lines.assign("1002", "carol");
        users.setPassword("1002", "changed".toCharArray());
        DemoDirectory.SeedResult second = withLines.seed();

        assertThat(second.createdDeskLines()).isEmpty();
        assertThat(second.createdUsers()).isEmpty();
        assertThat(lines.owner("1002")).contains("bob");
        assertThat(lines.linesOf("carol")).containsExactly("1003");
        assertThat(users.credential("1002", ScramHash.SHA_256).orElseThrow().matches("changed".toCharArray())).isTrue();
    }
}
