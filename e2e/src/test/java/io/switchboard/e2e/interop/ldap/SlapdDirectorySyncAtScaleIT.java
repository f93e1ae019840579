package io.switchboard.e2e.interop.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.ldap.DirectoryPeople.Person;
import io.switchboard.bench.ldap.PeopleChanges;
import io.switchboard.directory.AttributeProfile;
import io.switchboard.directory.DirectoryConfig;
import io.switchboard.directory.DirectoryConfig.ServiceAccount;
import io.switchboard.directory.DirectorySecurity;
import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.e2e.scenarios.TestProcesses;
import io.switchboard.server.config.DatabaseConfig;
import io.switchboard.server.directory.DirectorySync;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.SyncedPerson;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;

import com.unboundid.ldap.sdk.LDAPConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory sync at the scale, correctness only (its time is {@code bench directory}'s
 * business): 30,000 people from slapd into a fresh H2 database through the server's own stores,
 * over StartTLS with a service account as a deployment would; then 100 of them changed by the
 * administrator and an incremental run; then 10 deleted and a full run.
 */
class SlapdDirectorySyncAtScaleIT {

    private static final Logger LOG = LoggerFactory.getLogger(SlapdDirectorySyncAtScaleIT.class);
    private static final int PEOPLE = 30_000;
    private static final String DOMAIN = "switchboard.test";

    @RegisterExtension
    static final SlapdFixture SLAPD = new SlapdFixture(PEOPLE);

    private static Path dataDir;
    private static Database database;
    private static LdapPeopleDirectory directory;

    @BeforeAll
    static void openAFreshDatabaseAndTheDirectory() throws Exception {
        dataDir = Files.createTempDirectory("sync-at-scale");
        DatabaseConfig db = DatabaseConfig.defaults();
        database = Database.open(db.jdbcUrl(dataDir), db.username(), db.password(), db.maximumPoolSize());
        directory = LdapPeopleDirectory.create(
                DirectoryConfig.of(SLAPD.host(), SLAPD.ldapPort(), SLAPD.peopleBase(), AttributeProfile.OPENLDAP)
                        .withSecurity(DirectorySecurity.START_TLS, List.of(SLAPD.certificate()))
                        .withServiceAccount(new ServiceAccount(SLAPD.adminDn(), SLAPD.adminPassword().toCharArray())));
    }

    @AfterAll
    static void closeThem() throws Exception {
        if (directory != null) {
            directory.close();
        }
        if (database != null) {
            database.close();
        }
        TestProcesses.deleteTree(dataDir);
    }

    /** One story, since each step starts from the last one's database. */
    @Test
    void aFullSyncBringsEveryoneAnIncrementalOneTheChangesAndAFullOneWhoLeft() throws Exception {
        JdbcUserStore users = new JdbcUserStore(database, DOMAIN);
        JdbcDirectoryPeopleStore people = new JdbcDirectoryPeopleStore(database, Clock.systemUTC());
        DirectorySync sync = new DirectorySync(directory, people, users, DOMAIN, Clock.systemUTC());
        List<Person> seeded = SLAPD.people();

        SyncRun full = sync.full(seen -> { });
        LOG.info("{}", full);
        assertThat(full.error()).isEmpty();
        assertThat(full.seen()).isEqualTo(seeded.size()).isEqualTo(PEOPLE + 1);
        assertThat(full.added()).isEqualTo(seeded.size());
        assertThat(full.skipped()).isZero();
        assertThat(users.list()).hasSize(seeded.size());
        assertThat(new HashSet<>(users.list())).isEqualTo(uids(seeded));

        // every 300th person is promoted: title and desk number, as an administrator would
        List<Person> promoted = everyNth(seeded.subList(0, PEOPLE), 300, 0);
        assertThat(promoted).hasSize(100);
        try (LDAPConnection admin = SLAPD.connectAsAdmin()) {
            PeopleChanges.promote(admin, promoted);
        }
        SyncRun incremental = sync.incremental(seen -> { });
        LOG.info("{}", incremental);
        assertThat(incremental.kind()).isEqualTo(SyncRun.Kind.INCREMENTAL);
        assertThat(incremental.error()).isEmpty();
        assertThat(incremental.updated()).isGreaterThanOrEqualTo(100);
        assertThat(incremental.added()).isZero();
        Map<String, SyncedPerson> stored = byUsername(people);
        for (Person person : promoted) {
            assertThat(stored.get(person.uid())).as(person.uid()).satisfies(p -> {
                assertThat(p.title()).contains(PeopleChanges.NEW_TITLE);
                assertThat(p.workPhones()).containsExactly(PeopleChanges.newDeskNumber(person));
            });
        }
        Person untouched = seeded.get(1);
        assertThat(stored.get(untouched.uid()).title()).contains(untouched.title());

        // ten leave, among them two who were just promoted
        List<Person> leaving = everyNth(seeded.subList(0, PEOPLE), 3000, 1500);
        leaving.set(0, promoted.get(0));
        leaving.set(1, promoted.get(1));
        try (LDAPConnection admin = SLAPD.connectAsAdmin()) {
            PeopleChanges.delete(admin, leaving);
        }
        SyncRun removals = sync.full(seen -> { });
        LOG.info("{}", removals);
        assertThat(removals.error()).isEmpty();
        assertThat(removals.seen()).isEqualTo(seeded.size() - 10);
        assertThat(removals.disabled()).isEqualTo(10);
        stored = byUsername(people);
        Set<String> disabled = stored.values().stream().filter(SyncedPerson::disabled).map(SyncedPerson::username)
                .collect(Collectors.toSet());
        assertThat(disabled).isEqualTo(uids(leaving));
        assertThat(users.list()).as("accounts stay, disabled").hasSize(seeded.size());
    }

    private static List<Person> everyNth(List<Person> people, int n, int offset) {
        List<Person> picked = new java.util.ArrayList<>();
        for (int i = offset; i < people.size(); i += n) {
            picked.add(people.get(i));
        }
        return picked;
    }

    private static Set<String> uids(List<Person> people) {
        return people.stream().map(Person::uid).collect(Collectors.toSet());
    }

    private static Map<String, SyncedPerson> byUsername(JdbcDirectoryPeopleStore people) throws Exception {
        return people.byDirectoryId().values().stream()
                .collect(Collectors.toMap(SyncedPerson::username, p -> p));
    }
}
