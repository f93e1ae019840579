package io.switchboard.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPBindException;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import io.switchboard.server.demo.DemoDirectory;
import io.switchboard.server.demo.DemoOrganisation;
import io.switchboard.server.demo.DemoPeople;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded directory with the demo organisation, read by a neutral LDAP client (UnboundID's). */
class EmbeddedDirectoryTest {

    private EmbeddedDirectory directory;
    private DemoPeople people;

    @BeforeEach
    void start() throws Exception {
        people = new DemoPeople("example.com", "ou=people,dc=example,dc=com");
        directory = EmbeddedDirectory.start("example.com", "127.0.0.1", 0, people.entries());
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void theBaseDnComesFromTheDomain() {
        assertThat(EmbeddedDirectory.baseDnOf("Example.COM")).isEqualTo("dc=example,dc=com");
        assertThat(EmbeddedDirectory.baseDnOf("localhost")).isEqualTo("dc=localhost");
        assertThat(directory.peopleBase()).isEqualTo("ou=people,dc=example,dc=com");
    }

    @Test
    void everyDemoUserIsAPersonWithWhatACardShowsButNoReadablePassword() throws Exception {
        try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", directory.port())) {
            List<SearchResultEntry> found = anonymous.search(directory.peopleBase(), SearchScope.ONE,
                    "(objectClass=inetOrgPerson)", "*", "+").getSearchEntries();
            assertThat(found).hasSize(DemoOrganisation.USERS.size());
            SearchResultEntry alice = anonymous.getEntry(people.dnOf("alice"), "*", "+");
            assertThat(alice.getAttributeValue("displayName")).isEqualTo("Alice Anderson");
            assertThat(alice.getAttributeValue("mail")).isEqualTo("alice@example.com");
            assertThat(alice.getAttributeValue("ou")).isEqualTo(DemoOrganisation.ENGINEERING);
            assertThat(alice.getAttributeValue("telephoneNumber")).isEqualTo("1001");
            assertThat(alice.getAttributeValue("mobile")).startsWith("+44 7700 900");
            assertThat(alice.getAttributeValue("entryUUID")).as("a stable id for sync").isNotBlank();
            assertThat(alice.getAttributeValue("modifyTimestamp")).isNotBlank();
            assertThat(alice.hasAttribute("userPassword")).isFalse();
        }
    }

    @Test
    void aPersonBindsWithTheDemoPasswordAndNotWithAnother() throws Exception {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThat(connection.bind(people.dnOf("bob"), DemoDirectory.PASSWORD).getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(people.dnOf("bob"), "wrong"))
                    .isInstanceOf(LDAPBindException.class)
                    .satisfies(e -> assertThat(((LDAPBindException) e).getResultCode())
                            .isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
    }
}
