package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in, lookup, type-ahead and synchronisation against a real (in-memory) LDAP server. */
class LdapPeopleDirectoryTest {

    @RegisterExtension
    static final TestDirectory DIRECTORY = TestDirectory.plain();

    private static LdapPeopleDirectory directory;

    @BeforeAll
    static void connect() {
        directory = LdapPeopleDirectory.create(DIRECTORY.config().withLimits(200, 500, 4));
    }

    @AfterAll
    static void disconnect() {
        directory.close();
    }

    @Test
    void signsInWithTheRightPassword() throws DirectoryException {
        DirectoryPerson person = directory.authenticate("user0042", "secret-0042".toCharArray());

        assertThat(person.username()).isEqualTo("user0042");
        assertThat(person.dn()).isEqualTo("uid=user0042," + TestDirectory.PEOPLE_BASE);
        assertThat(person.displayName()).isEqualTo("Person Number 0042");
    }

    @Test
    void signsInWhateverTheCaseOfTheUsername() throws DirectoryException {
        assertThat(directory.authenticate("ROBIN", "sherwood".toCharArray()).username()).isEqualTo("robin");
    }

    @Test
    void wrongPasswordUnknownUserAndEmptyPasswordAreRefusedAlike() {
        String wrong = messageOf(() -> directory.authenticate("user0042", "secret-0043".toCharArray()));
        String unknown = messageOf(() -> directory.authenticate("nobody", "secret-0042".toCharArray()));
        String empty = messageOf(() -> directory.authenticate("user0042", new char[0]));

        assertThat(wrong).isEqualTo(unknown).isEqualTo(empty).contains("127.0.0.1:" + DIRECTORY.ldapPort());
    }

    @Test
    void aUsernameWithFilterCharactersFindsNobody() {
        assertThatThrownBy(() -> directory.authenticate("*", "secret-0001".toCharArray()))
                .isInstanceOf(DirectoryInvalidCredentialsException.class);
        assertThatThrownBy(() -> directory.authenticate("user0001)(uid=*", "secret-0001".toCharArray()))
                .isInstanceOf(DirectoryInvalidCredentialsException.class);
    }

    private static String messageOf(ThrowingCall call) {
        try {
            call.run();
        } catch (DirectoryInvalidCredentialsException expected) {
            return expected.getMessage();
        } catch (DirectoryException other) {
            throw new AssertionError("expected invalid credentials, got " + other, other);
        }
        throw new AssertionError("signed in");
    }

    private interface ThrowingCall {
        void run() throws DirectoryException;
    }

    @Test
    void findsAPersonByUsername() throws DirectoryException {
        DirectoryPerson person = directory.byUsername("user1200").orElseThrow();

        assertThat(person.mail()).contains("user1200@switchboard.test");
        assertThat(person.workPhones()).containsExactly("+1 408 555 0100");
        assertThat(person.uniqueId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(person.modified()).contains(TestDirectory.OLD_CHANGE);
        assertThat(directory.byUsername("nobody")).isEmpty();
        assertThat(directory.byUsername("*")).isEmpty();
    }

    @Test
    void searchesAnonymouslyWithoutAServiceAccount() throws DirectoryException {
        DirectoryConfig anonymous = DirectoryConfig.of("127.0.0.1", DIRECTORY.ldapPort(), TestDirectory.PEOPLE_BASE,
                AttributeProfile.OPENLDAP);
        try (LdapPeopleDirectory anonymousDirectory = LdapPeopleDirectory.create(anonymous)) {
            assertThat(anonymousDirectory.byUsername("user0007")).isPresent();
        }
    }

    @Test
    void typeAheadComesInPagesUpToTheSizeLimit() throws DirectoryException {
        List<DirectoryPerson> all = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        try (PagedSearch search = directory.search("Person", 50)) {
            while (search.hasMore()) {
                List<DirectoryPerson> page = search.nextPage();
                pageSizes.add(page.size());
                all.addAll(page);
            }
            assertThat(search.nextPage()).isEmpty();
        }

        assertThat(pageSizes).containsExactly(50, 50, 50, 50);
        assertThat(all).hasSize(200);
        assertThat(new HashSet<>(TestDirectory.usernames(all))).hasSize(200);
    }

    @Test
    void typeAheadBelowTheLimitEndsWithTheLastMatch() throws DirectoryException {
        Set<String> found = new HashSet<>();
        int pages = 0;
        try (PagedSearch search = directory.search("Person 00", 50)) {
            while (search.hasMore()) {
                found.addAll(TestDirectory.usernames(search.nextPage()));
                pages++;
            }
        }

        assertThat(found).hasSize(99).contains("user0001", "user0099").doesNotContain("user0100");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void typeAheadMatchesPhoneNumbersByTheirDigits() throws DirectoryException {
        // user0042's number is +1 408 555 0142; telephoneNumber matching ignores the spaces
        assertThat(firstPage("+14085550142")).contains("user0042");
        assertThat(firstPage("-")).isEmpty();
    }

    @Test
    void typeAheadMatchesMailAndUsernameToo() throws DirectoryException {
        assertThat(firstPage("user0123@")).containsExactly("user0123");
        assertThat(firstPage("user012")).hasSize(10);
        assertThat(firstPage("zoë")).containsExactly("zoe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "a*)(uid=*", "*)(objectClass=*", "\\", "\\2a", "\u0000", "Person\u0000", ")", "(x*)"})
    void typeAheadWithFilterCharactersFindsOnlyWhatReallyContainsThem(String text) throws DirectoryException {
        assertThat(firstPage(text)).isEmpty();
    }

    @Test
    void typeAheadFindsTheEntriesThatReallyContainFilterCharacters() throws DirectoryException {
        assertThat(firstPage("Robin (x*")).containsExactly("robin");
        assertThat(firstPage("Robin (x*)")).containsExactly("robin");
        assertThat(firstPage("Back\\sl")).containsExactly("slash");
    }

    @Test
    void blankTypeAheadFindsNobodyWithoutAsking() throws DirectoryException {
        try (PagedSearch search = directory.search("   ", 50)) {
            assertThat(search.hasMore()).isFalse();
            assertThat(search.nextPage()).isEmpty();
        }
    }

    @Test
    void aSearchLeftEarlyGivesItsConnectionBack() throws DirectoryException {
        // more searches left half-read than the pool has connections: each must have given its own back
        for (int i = 0; i < 10; i++) {
            try (PagedSearch search = directory.search("Person", 20)) {
                assertThat(search.nextPage()).hasSize(20);
            }
        }
        assertThat(directory.byUsername("user0001")).isPresent();
    }

    @Test
    void readsEveryPersonPageByPage() throws DirectoryException {
        try (LdapPeopleDirectory smallPages = LdapPeopleDirectory.create(DIRECTORY.config().withLimits(10, 100, 2))) {
            List<DirectoryPerson> people = new ArrayList<>();
            smallPages.forEachPerson(Optional.empty(), people::add);

            assertThat(people).hasSize(TestDirectory.PEOPLE);
            assertThat(new HashSet<>(TestDirectory.usernames(people))).hasSize(TestDirectory.PEOPLE);
        }
    }

    @Test
    void readsThePeopleChangedSinceAnInstant() throws DirectoryException {
        List<DirectoryPerson> changed = new ArrayList<>();
        directory.forEachPerson(Optional.of(Instant.parse("2025-01-01T00:00:00Z")), changed::add);

        // the seven dated 2025, and the odd ones, which the server dated when they were added
        assertThat(TestDirectory.usernames(changed))
                .containsExactlyInAnyOrder("user0001", "user0002", "user0003", "user0004", "user0005", "user0006",
                        "user0007", "robin", "slash", "zoe");
        assertThat(changed).filteredOn(p -> p.username().startsWith("user"))
                .allSatisfy(p -> assertThat(p.modified()).contains(TestDirectory.RECENT_CHANGE));

        List<DirectoryPerson> sinceSeeding = new ArrayList<>();
        directory.forEachPerson(Optional.of(TestDirectory.RECENT_CHANGE.plusSeconds(1)), sinceSeeding::add);
        assertThat(TestDirectory.usernames(sinceSeeding)).containsExactlyInAnyOrder("robin", "slash", "zoe");
    }

    private static List<String> firstPage(String text) throws DirectoryException {
        try (PagedSearch search = directory.search(text, 50)) {
            return TestDirectory.usernames(search.nextPage());
        }
    }
}
