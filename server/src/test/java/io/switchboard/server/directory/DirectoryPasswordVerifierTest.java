package io.switchboard.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import io.switchboard.directory.AttributeProfile;
import io.switchboard.directory.DirectoryConfig;
import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.demo.DemoPeople;
import io.switchboard.server.xmpp.sasl.CredentialLookup;
import io.switchboard.server.xmpp.sasl.InMemoryUserStore;
import io.switchboard.server.xmpp.sasl.PasswordVerifier.Verdict;
import io.switchboard.server.xmpp.sasl.StoredPasswordVerifier;
import io.switchboard.server.xmpp.sasl.UnknownUserCredentials;
import io.switchboard.server.store.UserStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in with the directory password against the embedded directory (a real LDAP server on loopback). */
class DirectoryPasswordVerifierTest {

    private static final String DOMAIN = "example.com";

    private EmbeddedDirectory embedded;
    private LdapPeopleDirectory directory;
    private final InMemoryUserStore users = new InMemoryUserStore();
    private DirectoryPasswordVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        embedded = EmbeddedDirectory.start(DOMAIN, "127.0.0.1", 0,
                new DemoPeople(DOMAIN, "ou=people," + EmbeddedDirectory.baseDnOf(DOMAIN)).entries());
        directory = LdapPeopleDirectory.create(DirectoryConfig.of("127.0.0.1", embedded.port(), embedded.peopleBase(),
                AttributeProfile.OPENLDAP).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        CredentialLookup lookup = new CredentialLookup(users, DOMAIN, UnknownUserCredentials.withRandomSecret());
        verifier = new DirectoryPasswordVerifier(directory, users, new StoredPasswordVerifier(lookup));
    }

    @AfterEach
    void stop() {
        directory.close();
        embedded.close();
    }

    @Test
    void theDirectoryPasswordSignsInAndTheServerKeepsCredentialsFromIt() {
        assertThat(verifier.verify("carol", DemoDirectory.PASSWORD.toCharArray())).isEqualTo(Verdict.ACCEPTED);

        assertThat(users.exists("carol")).as("created at the first sign-in").isTrue();
        assertThat(users.credential("carol", ScramHash.SHA_256).orElseThrow()
                .matches(DemoDirectory.PASSWORD.toCharArray())).isTrue();
    }

    @Test
    void aPasswordChangedInTheDirectoryReplacesTheStoredOneAtTheNextSignIn() throws Exception {
        assertThat(verifier.verify("dave", DemoDirectory.PASSWORD.toCharArray())).isEqualTo(Verdict.ACCEPTED);
        embedded.server().modify("uid=dave," + embedded.peopleBase(),
                new Modification(ModificationType.REPLACE, "userPassword", "new-secret"));

        assertThat(verifier.verify("dave", DemoDirectory.PASSWORD.toCharArray()))
                .as("the old password no longer counts, whatever the server kept").isEqualTo(Verdict.REFUSED);
        assertThat(verifier.verify("dave", "new-secret".toCharArray())).isEqualTo(Verdict.ACCEPTED);
        assertThat(users.credential("dave", ScramHash.SHA_256).orElseThrow().matches("new-secret".toCharArray()))
                .isTrue();
    }

    @Test
    void anAccountTheFirstSyncCreatesWhileTheySignInStillGetsTheirCredentials() throws Exception {
        UserStore racingSync = syncCreatesTheAccountJustBeforeTheSignIn(users);
        verifier = new DirectoryPasswordVerifier(directory, racingSync,
                new StoredPasswordVerifier(new CredentialLookup(users, DOMAIN, UnknownUserCredentials.withRandomSecret())));

        assertThat(verifier.verify("grace", DemoDirectory.PASSWORD.toCharArray())).isEqualTo(Verdict.ACCEPTED);

        assertThat(users.credential("grace", ScramHash.SHA_256).orElseThrow()
                .matches(DemoDirectory.PASSWORD.toCharArray())).as("set, not left empty by the race").isTrue();
    }

    /**
     * The store, except that the first {@code create} finds the account already there without
     * credentials, as a directory sync leaves it when it adds someone a moment earlier.
     */
    private static UserStore syncCreatesTheAccountJustBeforeTheSignIn(UserStore store) {
        AtomicBoolean raced = new AtomicBoolean();
        return (UserStore) Proxy.newProxyInstance(UserStore.class.getClassLoader(), new Class<?>[] {UserStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("create") && raced.compareAndSet(false, true)) {
                        String username = (String) args[0];
                        store.create(username, "whatever-the-sync-had".toCharArray());
                        store.removeCredentials(username);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aWrongPasswordOrAStrangerIsRefusedAndNothingIsStored() {
        assertThat(verifier.verify("erin", "guess".toCharArray())).isEqualTo(Verdict.REFUSED);
        assertThat(verifier.verify("mallory", DemoDirectory.PASSWORD.toCharArray())).isEqualTo(Verdict.REFUSED);
        assertThat(users.exists("erin")).isFalse();
        assertThat(users.exists("mallory")).isFalse();
    }

    @Test
    void aDirectoryThatCannotBeReachedMakesItUnavailableNotRefused() {
        embedded.close();

        assertThat(verifier.verify("frank", DemoDirectory.PASSWORD.toCharArray())).isEqualTo(Verdict.UNAVAILABLE);
    }
}
