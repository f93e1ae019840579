package io.switchboard.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import io.switchboard.directory.AttributeProfile;
import io.switchboard.directory.DirectoryConfig;
import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.SyncedPerson;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.server.store.jdbc.TestDatabases;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synchronisation from a real (embedded) directory into the server's database, with the entries a
 * real directory holds that do not fit: user names no address can carry, two entries claiming one
 * name, a renamed entry, someone leaving and coming back, and a local account of the same name.
 */
class DirectorySyncTest {

    private static final String DOMAIN = "example.com";

    @TempDir
    Path dir;
    private Database database;
    private JdbcUserStore users;
    private JdbcDirectoryPeopleStore people;
    private EmbeddedDirectory embedded;
    private LdapPeopleDirectory directory;
    private DirectorySync sync;
    private final List<Integer> progress = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        database = TestDatabases.open(dir);
        users = new JdbcUserStore(database, DOMAIN, 64, Clock.systemUTC());
        people = new JdbcDirectoryPeopleStore(database, Clock.systemUTC());
        embedded = EmbeddedDirectory.start(DOMAIN, "127.0.0.1", 0, List.of());
        for (int i = 1; i <= 1_500; i++) {
            embedded.server().add(person(String.format("user%04d", i), "Person " + i));
        }
        directory = LdapPeopleDirectory.create(DirectoryConfig.of("127.0.0.1", embedded.port(), embedded.peopleBase(),
                AttributeProfile.OPENLDAP));
        sync = new DirectorySync(directory, people, users, DOMAIN, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        directory.close();
        embedded.close();
        database.close();
    }

    @Test
    void aFullRunMakesAccountsWithoutCredentialsAndReportsProgress() throws Exception {
        SyncRun run = sync.full(progress::add);

        assertThat(run.seen()).isEqualTo(1_500);
        assertThat(run.added()).isEqualTo(1_500);
        assertThat(run.error()).isEmpty();
        assertThat(progress).containsExactly(1_000);
        assertThat(users.list()).hasSize(1_500);
        assertThat(users.credential("user0042", ScramHash.SHA_256)).as("they sign in with the directory's").isEmpty();
        assertThat(people.person("user0042")).get().extracting(SyncedPerson::displayName).isEqualTo("Person 42");
        assertThat(people.latestRuns(1)).singleElement().satisfies(recorded -> {
            assertThat(recorded.kind()).isEqualTo(SyncRun.Kind.FULL);
            assertThat(recorded.added()).isEqualTo(1_500);
        });
        assertThat(sync.full(progress::add).added()).as("a second run changes nothing").isZero();
    }

    @Test
    void entriesThatCannotBeAccountsAreSkippedAndCountedNotFatal() throws Exception {
        embedded.server().add(person("has space", "Space Person"));
        embedded.server().add(new Entry("uid=other-user0001," + embedded.peopleBase(),
                new Attribute("objectClass", "inetOrgPerson"), new Attribute("uid", "USER0001"),
                new Attribute("cn", "Claims user0001"), new Attribute("sn", "X")));

        SyncRun run = sync.full(seen -> { });

        assertThat(run.skipped()).isEqualTo(2);
        assertThat(run.added()).isEqualTo(1_500);
        assertThat(users.exists("has space")).isFalse();
    }

    @Test
    void someoneWhoLeavesIsDisabledWithTheirAccountKeptAndComesBackEnabled() throws Exception {
        sync.full(seen -> { });
        users.setPassword("user0007", "pw".toCharArray()); // they had signed in
        Entry leaving = embedded.server().getEntry("uid=user0007," + embedded.peopleBase());
        embedded.server().delete(leaving.getDN());

        SyncRun gone = sync.full(seen -> { });

        assertThat(gone.disabled()).isEqualTo(1);
        assertThat(people.person("user0007").orElseThrow().disabled()).isTrue();
        assertThat(users.exists("user0007")).isTrue();
        assertThat(users.credential("user0007", ScramHash.SHA_256)).isEmpty();

        embedded.server().add(leaving);
        SyncRun back = sync.full(seen -> { });
        assertThat(back.disabled()).isZero();
        assertThat(people.person("user0007").orElseThrow().disabled()).as("back (a new entry), enabled again")
                .isFalse();
        assertThat(users.exists("user0007")).isTrue();
    }

    @Test
    void aRenamedEntryKeepsItsAccountAndALocalAccountOfTheSameNameIsLinked() throws Exception {
        users.create("user0100", "local".toCharArray());
        sync.full(seen -> { });
        assertThat(people.person("user0100")).isPresent();
        assertThat(users.credential("user0100", ScramHash.SHA_256)).as("the local password stays until sign-in")
                .isPresent();

        embedded.server().modifyDN("uid=user0200," + embedded.peopleBase(), "uid=renamed0200", true);
        embedded.server().modify("uid=renamed0200," + embedded.peopleBase(),
                new Modification(ModificationType.REPLACE, "displayName", "Renamed Person"));
        SyncRun run = sync.full(seen -> { });

        assertThat(run.updated()).isEqualTo(1);
        assertThat(people.person("user0200").orElseThrow().displayName()).isEqualTo("Renamed Person");
        assertThat(users.exists("renamed0200")).isFalse();
    }

    @Test
    void anIncrementalRunReadsOnlyWhatChangedSinceTheNewestChangeSeen() throws Exception {
        sync.full(seen -> { });
        Optional<Long> newest = people.newestChange();
        assertThat(newest).isPresent();

        SyncRun nothingNew = sync.incremental(seen -> { });
        assertThat(nothingNew.kind()).isEqualTo(SyncRun.Kind.INCREMENTAL);
        assertThat(nothingNew.added() + nothingNew.updated()).isZero();
    }

    private Entry person(String uid, String name) {
        return new Entry("uid=" + uid + "," + embedded.peopleBase(),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid), new Attribute("cn", name), new Attribute("sn", "Person"),
                new Attribute("displayName", name));
    }

}
