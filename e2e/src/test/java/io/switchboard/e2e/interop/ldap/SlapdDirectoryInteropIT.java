package io.switchboard.e2e.interop.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.bench.ldap.DirectoryPeople;
import io.switchboard.bench.ldap.DirectoryPeople.Person;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.directory.AttributeProfile;
import io.switchboard.directory.DirectoryConfig;
import io.switchboard.directory.DirectoryConfig.ServiceAccount;
import io.switchboard.directory.DirectoryException;
import io.switchboard.directory.DirectoryInvalidCredentialsException;
import io.switchboard.directory.DirectoryPerson;
import io.switchboard.directory.DirectorySecurity;
import io.switchboard.directory.DirectoryTlsException;
import io.switchboard.directory.LdapDirectoryService;
import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.directory.PagedSearch;
import io.switchboard.directory.PhoneNumbers;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.config.LdapSourceConfig;
import io.switchboard.server.config.OwnerOnlyFiles;
import io.switchboard.server.config.UserDirectoryConfig;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ReconnectPolicy;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Switchboard's own directory client ({@link LdapPeopleDirectory}, {@link LdapDirectoryService})
 * and the server's directory sign-in and sync against a real OpenLDAP slapd ({@link SlapdFixture}):
 * what the module's tests prove against UnboundID's in-memory server, proven against the
 * directory most deployments run. {@link SlapdInteropIT} proves the harness itself.
 */
class SlapdDirectoryInteropIT {

    @RegisterExtension
    static final SlapdFixture SLAPD = new SlapdFixture(50);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static DirectoryConfig plain() {
        return DirectoryConfig.of(SLAPD.host(), SLAPD.ldapPort(), SLAPD.peopleBase(), AttributeProfile.OPENLDAP)
                .withTimeouts(Duration.ofSeconds(5), TIMEOUT);
    }

    private static Person person(int index) {
        return SLAPD.people().get(index);
    }

    /** The client's operations, over plain LDAP unless a test is about TLS. */
    @Nested
    class TheDirectoryClient {

        @Test
        void aPersonSignsInWithTheirPasswordAndIsRefusedWithAWrongOneOrAsNobody() throws Exception {
            Person carla = person(2);
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(plain())) {
                DirectoryPerson signedIn = directory.authenticate(carla.uid(), SLAPD.userPassword().toCharArray());

                assertThat(signedIn.username()).isEqualTo(carla.uid());
                assertThat(signedIn.dn()).isEqualToIgnoringCase(carla.dn(SLAPD.peopleBase()));
                assertThatThrownBy(() -> directory.authenticate(carla.uid(), "wrong".toCharArray()))
                        .isInstanceOf(DirectoryInvalidCredentialsException.class);
                assertThatThrownBy(() -> directory.authenticate("nobody", SLAPD.userPassword().toCharArray()))
                        .isInstanceOf(DirectoryInvalidCredentialsException.class);
                assertThatThrownBy(() -> directory.authenticate(carla.uid(), new char[0]))
                        .as("an empty password is an unauthenticated bind to LDAP, which slapd would let pass")
                        .isInstanceOf(DirectoryInvalidCredentialsException.class);
            }
        }

        @Test
        void byUsernameReadsThePersonThroughTheOpenLdapProfile() throws Exception {
            Person someone = person(7);
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(plain())) {
                DirectoryPerson found = directory.byUsername(someone.uid()).orElseThrow();

                assertThat(found.displayName()).isEqualTo(someone.cn());
                assertThat(found.mail()).contains(someone.mail());
                assertThat(found.title()).contains(someone.title());
                assertThat(found.department()).contains(someone.department());
                assertThat(found.workPhones()).containsExactly(someone.telephoneNumber());
                assertThat(found.mobilePhones()).containsExactly(someone.mobile());
                assertThat(found.uniqueId()).as("entryUUID, asked for by name").isNotBlank();
                assertThat(found.modified()).as("modifyTimestamp, which slapadd stamps").isPresent();
                assertThat(directory.byUsername("nobody")).isEmpty();
                assertThat(directory.byUsername(someone.uid().toUpperCase())).get()
                        .extracting(DirectoryPerson::username).isEqualTo(someone.uid());
            }
        }

        @Test
        void typeAheadPagesThroughEveryMatchOnceInSmallPages() throws Exception {
            Set<String> expected = ExpectedPeople.uidsMatching(SLAPD.people(), "user");
            assertThat(expected).hasSize(50);
            List<String> seen = new ArrayList<>();
            int pages = 0;
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(plain());
                 PagedSearch search = directory.search("user", 7)) {
                while (search.hasMore()) {
                    List<DirectoryPerson> page = search.nextPage();
                    assertThat(page).hasSizeLessThanOrEqualTo(7);
                    page.forEach(p -> seen.add(p.username()));
                    pages++;
                    assertThat(pages).as("pages for 50 people at 7 a page").isLessThanOrEqualTo(10);
                }
            }
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).isEqualTo(expected);
            assertThat(pages).isGreaterThanOrEqualTo(8);
        }

        /** Filter metacharacters are text: they find who has them, and never everyone. */
        @ParameterizedTest
        @ValueSource(strings = {"*", "a*)(uid=*", "(x*)", "\\", "Zed (x*", "Zed (x*) T", ")(", "*)(objectClass=*"})
        void metacharactersFindExactlyWhoseValuesStartWithThem(String text) throws Exception {
            Set<String> expected = ExpectedPeople.uidsMatching(SLAPD.people(), text);
            Set<String> found = new HashSet<>();
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(plain());
                 PagedSearch search = directory.search(text, 100)) {
                while (search.hasMore()) {
                    search.nextPage().forEach(p -> found.add(p.username()));
                }
            }
            assertThat(found).isEqualTo(expected).hasSizeLessThan(SLAPD.people().size());
            if (text.startsWith("Zed (x*")) {
                assertThat(found).containsExactly(DirectoryPeople.ODD_ONE_UID);
            }
        }

        @Test
        void startTlsWorksWithTheFixturesCertificateTrusted() throws Exception {
            DirectoryConfig config = plain().withSecurity(DirectorySecurity.START_TLS, List.of(SLAPD.certificate()));
            assertSignsInAndSearches(config);
        }

        @Test
        void ldapsWorksWithTheFixturesCertificateTrusted() throws Exception {
            DirectoryConfig config = new DirectoryConfig(SLAPD.host(), SLAPD.ldapsPort(), DirectorySecurity.LDAPS,
                    List.of(SLAPD.certificate()), SLAPD.peopleBase(), AttributeProfile.OPENLDAP, Optional.empty(),
                    Duration.ofSeconds(5), TIMEOUT, 200, 500, 4);
            assertSignsInAndSearches(config);
        }

        private void assertSignsInAndSearches(DirectoryConfig config) throws DirectoryException {
            Person someone = person(3);
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThat(directory.authenticate(someone.uid(), SLAPD.userPassword().toCharArray()).username())
                        .isEqualTo(someone.uid());
                assertThatThrownBy(() -> directory.authenticate(someone.uid(), "wrong".toCharArray()))
                        .isInstanceOf(DirectoryInvalidCredentialsException.class);
                try (PagedSearch search = directory.search(someone.cn(), 10)) {
                    assertThat(search.nextPage()).extracting(DirectoryPerson::username).contains(someone.uid());
                }
            }
        }

        @Test
        void startTlsWithoutTheCertificateTrustedIsATlsFailure() {
            DirectoryConfig config = plain().withSecurity(DirectorySecurity.START_TLS, List.of());
            assertTlsFailure(config);
        }

        @Test
        void ldapsWithoutTheCertificateTrustedIsATlsFailure() {
            DirectoryConfig config = new DirectoryConfig(SLAPD.host(), SLAPD.ldapsPort(), DirectorySecurity.LDAPS,
                    List.of(), SLAPD.peopleBase(), AttributeProfile.OPENLDAP, Optional.empty(),
                    Duration.ofSeconds(5), TIMEOUT, 200, 500, 4);
            assertTlsFailure(config);
        }

        private void assertTlsFailure(DirectoryConfig config) {
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThatThrownBy(() -> directory.byUsername(person(0).uid()))
                        .isInstanceOf(DirectoryTlsException.class);
                assertThatThrownBy(() -> directory.authenticate(person(0).uid(), SLAPD.userPassword().toCharArray()))
                        .as("not 'wrong password': the user could do nothing about it")
                        .isInstanceOf(DirectoryTlsException.class);
            }
        }

        @Test
        void aServiceAccountSearchesAndAWrongServiceAccountPasswordIsNoUsersFault() throws Exception {
            Person someone = person(11);
            DirectoryConfig config = plain().withServiceAccount(
                    new ServiceAccount(SLAPD.adminDn(), SLAPD.adminPassword().toCharArray()));
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
                assertThat(directory.byUsername(someone.uid())).isPresent();
                try (PagedSearch search = directory.search("user", 25)) {
                    assertThat(search.nextPage()).hasSize(25);
                }
                assertThat(directory.authenticate(someone.uid(), SLAPD.userPassword().toCharArray()).username())
                        .isEqualTo(someone.uid());
            }
            DirectoryConfig wrong = plain().withServiceAccount(
                    new ServiceAccount(SLAPD.adminDn(), "not-the-admin-password".toCharArray()));
            try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(wrong)) {
                assertThatThrownBy(() -> directory.authenticate(someone.uid(), SLAPD.userPassword().toCharArray()))
                        .as("a refused service account must not read as the user's wrong password")
                        .isInstanceOf(DirectoryException.class)
                        .isNotInstanceOf(DirectoryInvalidCredentialsException.class);
            }
        }

        @Test
        void aCallersNumberFindsTheirEntryWhenSpeltDifferentlyThanInTheDirectory() throws Exception {
            Person someone = person(7); // "+1 408 555 0107 ext. 10008" in the directory
            try (LdapDirectoryService service = new LdapDirectoryService(LdapPeopleDirectory.create(plain()),
                    "switchboard.test", new PhoneNumbers("US"))) {
                for (String spelling : List.of("(408) 555-0107", "+14085550107", "408.555.0107")) {
                    assertThat(service.byPhoneNumber(spelling)).as(spelling).get()
                            .extracting(DirectoryEntry::address).isEqualTo(Address.of(someone.uid(), "switchboard.test"));
                }
                assertThat(service.byPhoneNumber("+1 408 555 0177")).as("nobody has that desk number").isEmpty();
                assertThat(service.byPhoneNumber("*)(uid=*")).isEmpty();
            }
        }
    }

    /**
     * The bundled server with slapd as its directory (source LDAP over StartTLS, the certificate in
     * a PEM file, the rootdn as service account with its password in a file): sign-in with the
     * directory password over XMPP, and a full sync of everyone.
     */
    @Nested
    class TheServer {

        @RegisterExtension
        static final BundledServerFixture SERVER = BundledServerFixture.withDirectory(directory -> directory
                .withSource(UserDirectoryConfig.Source.LDAP)
                .withLdap(new LdapSourceConfig(SLAPD.ldapUrl(), true, SLAPD.peopleBase(), "openldap", SLAPD.adminDn(),
                        bindPasswordFile().toString(), SLAPD.certificatePem().toString(),
                        "uid={username}," + SLAPD.peopleBase())));

        private final List<XmppClientSession> sessions = new ArrayList<>();

        /** The service account's password in an owner-only file in slapd's temp dir (deleted with it). */
        private static Path bindPasswordFile() {
            Path file = SLAPD.directory().orElseThrow().resolve("bind-password");
            try {
                // a trailing line break, as an editor or echo leaves it: not part of the password
                OwnerOnlyFiles.write(file, (SLAPD.adminPassword() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }

        @AfterEach
        void signOut() {
            sessions.forEach(XmppClientSession::close);
        }

        @Test
        void aSlapdUserSignsInWithTheirDirectoryPassword() throws Exception {
            Person someone = person(4);
            XmppClientSession session = session(someone.uid(), SLAPD.userPassword());

            session.signIn();

            assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
            JdbcUserStore users = new JdbcUserStore(SERVER.database(), SERVER.domain());
            assertThat(users.digestCredential(someone.uid(), SERVER.domain(), DigestAlgorithm.MD5))
                    .as("SIP digest needs the password slapd accepted").isPresent();
        }

        @Test
        void aWrongPasswordOrSomeoneNotInSlapdIsBadCredentials() {
            assertThatThrownBy(session(person(5).uid(), "wrong-" + SLAPD.userPassword())::signIn)
                    .isInstanceOfSatisfying(SignInException.class,
                            e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
            assertThatThrownBy(session("nobody", SLAPD.userPassword())::signIn)
                    .isInstanceOfSatisfying(SignInException.class,
                            e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
        }

        @Test
        void aFullSyncBringsEveryoneInSlapdAsAnAccount() throws Exception {
            SyncRun run = SERVER.server().directory().orElseThrow().syncNow(true);

            assertThat(run.error()).isEmpty();
            assertThat(run.seen()).isEqualTo(SLAPD.people().size());
            assertThat(run.skipped()).isZero();
            List<String> uids = SLAPD.people().stream().map(Person::uid).toList();
            assertThat(new JdbcUserStore(SERVER.database(), SERVER.domain()).list()).containsAll(uids);
            Person someone = person(9);
            assertThat(new JdbcDirectoryPeopleStore(SERVER.database(), Clock.systemUTC()).person(someone.uid()))
                    .get().satisfies(p -> {
                        assertThat(p.displayName()).isEqualTo(someone.cn());
                        assertThat(p.title()).contains(someone.title());
                        assertThat(p.disabled()).isFalse();
                    });
        }

        private XmppClientSession session(String user, String password) {
            XmppAccount account = new XmppAccount(Address.of(user, SERVER.domain()), password.toCharArray(),
                    SERVER.domain(), Optional.of(new ServerEndpoint("127.0.0.1", SERVER.c2sPort())), "desktop", 0,
                    CertificateTrust.pinned(SERVER.certificateFingerprint()), TIMEOUT, TIMEOUT);
            XmppClientSession session = new XmppClientSession(account, ReconnectPolicy.standard(), Clock.systemUTC());
            sessions.add(session);
            return session;
        }
    }
}
