package io.switchboard.e2e.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.service.DirectorySearch;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.directory.DirectoryLocations;
import io.switchboard.directory.LdapDirectoryService;
import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.directory.PhoneNumbers;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.demo.DemoOrganisation;
import io.switchboard.server.directory.EmbeddedDirectory;
import io.switchboard.server.directory.ServerDirectory;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.store.SyncRun;
import io.switchboard.server.store.SyncedPerson;
import io.switchboard.server.store.jdbc.JdbcDirectoryPeopleStore;
import io.switchboard.server.store.jdbc.JdbcUserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ReconnectPolicy;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in with the directory password and synchronising people (ADR 0029), end to end: the
 * server with its embedded directory (the demo organisation) and an empty user store, our XMPP
 * and SIP clients signing in, and the directory changed underneath as an administrator would.
 */
class DirectorySignInIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withEmbeddedDirectory();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int PAGE = 2;
    private final List<XmppClientSession> sessions = new ArrayList<>();

    @AfterEach
    void signOut() {
        sessions.forEach(XmppClientSession::close);
    }

    @Test
    void aDirectoryUserSignsInWithTheirDirectoryPasswordAndGetsCredentialsForTheirSipLine() throws Exception {
        XmppClientSession bob = session("bob", DemoDirectory.PASSWORD);

        bob.signIn();

        assertThat(bob.state()).isEqualTo(SessionState.CONNECTED);
        JdbcUserStore users = new JdbcUserStore(SERVER.database(), SERVER.domain());
        assertThat(users.exists("bob")).isTrue();
        assertThat(users.digestCredential("bob", SERVER.domain(), DigestAlgorithm.MD5))
                .as("SIP digest needs the password the directory accepted").isPresent();
    }

    @Test
    void aWrongPasswordOrSomeoneNotInTheDirectoryIsRefused() {
        assertThatThrownBy(session("carol", "not-demo")::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
        assertThatThrownBy(session("nobody", DemoDirectory.PASSWORD)::signIn)
                .isInstanceOfSatisfying(SignInException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
    }

    @Test
    void aFullSyncBringsEveryoneAndDisablesWhoeverLeftTheDirectoryKeepingTheirAccount() throws Exception {
        ServerDirectory directory = SERVER.server().directory().orElseThrow();
        EmbeddedDirectory embedded = directory.embedded().orElseThrow();
        SyncRun first = directory.syncNow(true);
        assertThat(first.error()).isEmpty();
        JdbcUserStore users = new JdbcUserStore(SERVER.database(), SERVER.domain());
        assertThat(users.list()).containsAll(DemoOrganisation.USERS.stream().map(u -> u.username()).toList());
        assertThat(person("zoe").title()).contains(DemoOrganisation.user("zoe").orElseThrow().title());

        // zoe is promoted (an incremental run sees it) and victor leaves the company (a full run sees that)
        embedded.server().modify("uid=zoe," + embedded.peopleBase(),
                new Modification(ModificationType.REPLACE, "title", "Head of Everything"));
        SyncRun incremental = directory.syncNow(false);
        assertThat(incremental.kind()).isEqualTo(SyncRun.Kind.INCREMENTAL);
        assertThat(person("zoe").title()).contains("Head of Everything");

        session("victor", DemoDirectory.PASSWORD).signIn(); // he had signed in: the server holds credentials
        embedded.server().delete("uid=victor," + embedded.peopleBase());
        SyncRun full = directory.syncNow(true);

        assertThat(full.disabled()).isEqualTo(1);
        assertThat(person("victor").disabled()).isTrue();
        assertThat(users.exists("victor")).as("his account and its data stay").isTrue();
        assertThat(users.digestCredential("victor", SERVER.domain(), DigestAlgorithm.MD5))
                .as("no SIP sign-in either").isEmpty();
        assertThatThrownBy(session("victor", DemoDirectory.PASSWORD)::signIn).isInstanceOf(SignInException.class);
    }

    @Test
    void theClientFindsTheDirectoryTheServerNamesAndSearchesItAPageAtATime() throws Exception {
        XmppClientSession alice = session("alice", DemoDirectory.PASSWORD);
        alice.signIn();

        DirectoryLocation location = alice.directoryLocation().orElseThrow();
        EmbeddedDirectory embedded = SERVER.server().directory().orElseThrow().embedded().orElseThrow();
        assertThat(location.url()).isEqualTo("ldap://127.0.0.1:" + embedded.port());
        assertThat(location.peopleBase()).isEqualTo(embedded.peopleBase());
        assertThat(location.numbering()).as("how to read its numbers, from directory.phone-region etc.")
                .contains(SERVER.server().config().directory().numbering());

        try (LdapDirectoryService directory = new LdapDirectoryService(LdapPeopleDirectory.create(
                DirectoryLocations.config(location, "alice", DemoDirectory.PASSWORD.toCharArray())),
                SERVER.domain(), new PhoneNumbers("GB"));
             LdapDirectoryService paged = new LdapDirectoryService(LdapPeopleDirectory.create(
                DirectoryLocations.config(location, "alice", DemoDirectory.PASSWORD.toCharArray())),
                SERVER.domain(), new PhoneNumbers("GB"), PAGE)) {
            try (DirectorySearch search = directory.search("Bob")) {
                List<DirectoryEntry> found = search.nextPage();
                assertThat(found).extracting(DirectoryEntry::address).contains(Address.of("bob", SERVER.domain()));
                DirectoryEntry bob = found.stream().filter(e -> e.address().local().equals("bob")).findFirst()
                        .orElseThrow();
                assertThat(bob.displayName()).isEqualTo("Bob Brown");
                assertThat(bob.role()).isEqualTo("Software Engineer, Engineering");
                assertThat(bob.workPhones()).containsExactly("1002");
            }
            // type-ahead is "starts with" on any part of the name, the user name or the mail
            List<Address> expected = DemoOrganisation.USERS.stream()
                    .filter(u -> java.util.Arrays.stream((u.username() + " " + u.displayName()).split(" "))
                            .anyMatch(word -> word.toLowerCase(java.util.Locale.ROOT).startsWith("m")))
                    .map(u -> Address.of(u.username(), SERVER.domain())).toList();
            assertThat(expected).as("the demo company has enough m's for pages").hasSizeGreaterThan(PAGE);
            List<DirectoryEntry> found = new ArrayList<>();
            int pages = 0;
            try (DirectorySearch search = paged.search("M")) {
                for (List<DirectoryEntry> page = search.nextPage(); !page.isEmpty(); page = search.nextPage()) {
                    assertThat(page).hasSizeLessThanOrEqualTo(PAGE);
                    found.addAll(page);
                    pages++;
                }
            }
            assertThat(found).extracting(DirectoryEntry::address).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(pages).isGreaterThan(1);
            assertThat(directory.search("*)(uid=*").nextPage()).as("filter syntax is searched for, not obeyed")
                    .isEmpty();
            assertThat(directory.byPhoneNumber("1001")).get().extracting(DirectoryEntry::displayName)
                    .isEqualTo("Alice Anderson");
        }
    }

    @Test
    void aSipSimpleSignInFindsTheSameDirectoryOverXcapAndSearchesIt() throws Exception {
        XmppClientSession henryDesktop = session("henry", DemoDirectory.PASSWORD);
        henryDesktop.signIn(); // a directory user's first sign-in gives SIP its digest credentials (ADR 0029)
        DirectoryLocation advertisedOverXmpp = henryDesktop.directoryLocation().orElseThrow();
        henryDesktop.close();
        SipAccount account = SipAccount.of(Address.of("henry", SERVER.domain()), DemoDirectory.PASSWORD,
                new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP)).withXcapRoot(SERVER.xcapRoot());

        try (SipClientSession henryPhone = new SipClientSession(new SipStackFactory(), account,
                SipUserAgentSettings.defaults(), Clock.systemUTC())) {
            assertThat(henryPhone.directoryLocation()).as("signed in only").isEmpty();
            henryPhone.signIn();
            DirectoryLocation location = henryPhone.directoryLocation().orElseThrow();

            assertThat(location).as("one directory, whichever protocol asks").isEqualTo(advertisedOverXmpp);
            try (LdapDirectoryService directory = new LdapDirectoryService(LdapPeopleDirectory.create(
                    DirectoryLocations.config(location, "henry", DemoDirectory.PASSWORD.toCharArray())),
                    SERVER.domain(), PhoneNumbers.of(location.numbering(), "GB"));
                 DirectorySearch search = directory.search("Grace")) {
                assertThat(search.nextPage()).extracting(DirectoryEntry::displayName).containsExactly("Grace Harper");
            }
        }
    }

    private SyncedPerson person(String username) throws StoreException {
        return new JdbcDirectoryPeopleStore(SERVER.database(), Clock.systemUTC()).person(username).orElseThrow();
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
