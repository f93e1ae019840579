package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.service.DirectorySearch;
import io.switchboard.core.service.NotConnectedException;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's directory service over a real (in-memory) LDAP server: search, cards, callers. */
class LdapDirectoryServiceTest {

    @RegisterExtension
    static final TestDirectory DIRECTORY = TestDirectory.plain();

    private static final String DOMAIN = "switchboard.test";
    private static LdapDirectoryService service;

    @BeforeAll
    static void connect() {
        service = new LdapDirectoryService(LdapPeopleDirectory.create(DIRECTORY.config()), DOMAIN,
                new PhoneNumbers("US"));
    }

    @AfterAll
    static void disconnect() {
        service.close();
    }

    @Test
    void aSearchReturnsEntriesAtTheServersDomainAPageAtATime() throws Exception {
        List<DirectoryEntry> all = new ArrayList<>();
        int pages = 0;
        try (DirectorySearch search = service.search("Person Number 00")) {
            while (search.hasMore()) {
                List<DirectoryEntry> page = search.nextPage();
                if (page.isEmpty()) {
                    break;
                }
                assertThat(page.size()).isLessThanOrEqualTo(LdapDirectoryService.PAGE_SIZE);
                all.addAll(page);
                pages++;
            }
        }
        assertThat(all).hasSize(99); // Person Number 0001 .. 0099
        assertThat(pages).isGreaterThan(1);
        assertThat(all).extracting(DirectoryEntry::address).contains(Address.of("user0042", DOMAIN));
        DirectoryEntry entry = all.stream().filter(e -> e.address().local().equals("user0042")).findFirst()
                .orElseThrow();
        assertThat(entry.displayName()).isEqualTo("Person Number 0042");
        assertThat(entry.mail()).contains("user0042@switchboard.test");
        assertThat(entry.preferredPhone()).contains("+1 408 555 0142");
    }

    @Test
    void aContactCardIsTheEntryOfThatAddressAndNoneForAnotherDomain() throws Exception {
        assertThat(service.entry(Address.of("robin", DOMAIN))).get()
                .extracting(DirectoryEntry::displayName).isEqualTo("Robin (x*) Hood");
        assertThat(service.entry(Address.of("robin", "elsewhere.test"))).isEmpty();
        assertThat(service.entry(Address.of("nobody", DOMAIN))).isEmpty();
    }

    @Test
    void aCallersNumberFindsTheirEntryHoweverItIsSpelt() throws Exception {
        for (String spelling : List.of("+14085550142", "(408) 555-0142", "408-555-0142", "+1 408 555 0142")) {
            assertThat(service.byPhoneNumber(spelling)).as(spelling).get().satisfies(entry ->
                    assertThat(entry.workPhones()).anyMatch(p -> new PhoneNumbers("US").sameNumber(p, spelling)));
        }
        assertThat(service.byPhoneNumber("+44 20 7946 0999")).isEmpty();
    }

    @Test
    void aCallersMobileNumberFindsTheirEntry() throws Exception {
        // a mobile is not searched by type-ahead, and the directory spells it with spaces
        for (String spelling : List.of("+447700900123", "+44 7700 900123")) {
            assertThat(service.byPhoneNumber(spelling)).as(spelling).get()
                    .extracting(DirectoryEntry::address).isEqualTo(Address.of("robin", DOMAIN));
        }
        assertThat(service.byPhoneNumber("+447700900124")).isEmpty();
        assertThat(service.byPhoneNumber("*)(uid=*")).isEmpty();
    }

    @Test
    void anUnreachableDirectoryIsNotConnected() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DirectoryConfig nowhere = DirectoryConfig.of("127.0.0.1", closed, TestDirectory.PEOPLE_BASE,
                AttributeProfile.OPENLDAP);
        try (LdapDirectoryService unreachable = new LdapDirectoryService(LdapPeopleDirectory.create(nowhere), DOMAIN,
                new PhoneNumbers("US"))) {
            assertThatThrownBy(() -> unreachable.search("anyone")).isInstanceOf(NotConnectedException.class)
                    .hasMessageContaining("127.0.0.1:" + closed);
        }
    }
}
