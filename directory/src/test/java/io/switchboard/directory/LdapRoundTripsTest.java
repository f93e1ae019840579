package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.unboundid.ldap.sdk.ResultCode;

/**
 * What a type-ahead costs in requests, counted by the server: one search per page on a warm pool,
 * no root DSE read per borrowed connection, a release only for a search left early (and nobody
 * waiting for it); one retry on a new connection when a pooled one turns out dropped, none for an
 * error the directory answered.
 */
class LdapRoundTripsTest {

    @RegisterExtension
    static final TestDirectory DIRECTORY = TestDirectory.plain();

    private RequestLog requests;

    @BeforeEach
    void log() {
        requests = DIRECTORY.requests();
    }

    @AfterEach
    void letGo() {
        DIRECTORY.release();
    }

    @Test
    void aTypeAheadOnAWarmPoolIsOneSearchRequest() throws DirectoryException {
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(DIRECTORY.config().withLimits(200, 100, 2))) {
            assertThat(directory.byUsername("user0001")).isPresent(); // warms the pool: connect and bind
            requests.reset();

            for (int i = 0; i < 20; i++) {
                // nine people: the first page is the last, its cookie empty, nothing to release
                try (PagedSearch search = directory.search("Person 000", 25)) {
                    assertThat(search.nextPage()).hasSize(9);
                    assertThat(search.hasMore()).isFalse();
                }
            }

            assertThat(requests.searches()).isEqualTo(20);
            assertThat(requests.rootDseReads()).isZero();
            assertThat(requests.releases()).isZero();
            assertThat(requests.binds()).isZero();
            assertThat(requests.extended()).isZero();
        }
    }

    @Test
    void anonymousPooledConnectionsStayInThePoolToo() throws DirectoryException {
        DirectoryConfig anonymous = DirectoryConfig.of("127.0.0.1", DIRECTORY.ldapPort(), TestDirectory.PEOPLE_BASE,
                AttributeProfile.OPENLDAP).withLimits(200, 100, 1);
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(anonymous)) {
            assertThat(directory.byUsername("user0001")).isPresent();
            requests.reset();

            for (int i = 0; i < 5; i++) {
                assertThat(directory.byUsername("user000" + (i + 2))).isPresent();
            }

            assertThat(requests.searches()).isEqualTo(5);
            assertThat(requests.binds()).isZero();
            assertThat(requests.rootDseReads()).isZero();
        }
    }

    @Test
    void aSearchLeftEarlyReleasesItsPagingStateWithoutWaitingForTheAnswer() throws DirectoryException {
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(DIRECTORY.config().withLimits(200, 100, 2))) {
            assertThat(directory.byUsername("user0001")).isPresent();
            requests.reset();
            requests.holdReleases();

            long closing;
            try (PagedSearch search = directory.search("Person", 25)) {
                assertThat(search.nextPage()).hasSize(25);
                assertThat(search.hasMore()).isTrue();
                closing = System.nanoTime();
            }
            Duration closed = Duration.ofNanos(System.nanoTime() - closing);

            // the server holds the release: had close waited for its answer, it would still be waiting
            assertThat(closed).isLessThan(Duration.ofSeconds(5));
            awaitCount(requests::releases, 1);
            requests.letReleasesGo();
            assertThat(requests.searches()).isEqualTo(1);

            // all pages read: the last one ended the search on the server, nothing to release
            requests.reset();
            try (PagedSearch search = directory.search("Person 00", 50)) {
                while (search.hasMore()) {
                    search.nextPage();
                }
            }
            assertThat(requests.searches()).isEqualTo(2);
            assertThat(requests.releases()).isZero();
        }
    }

    @Test
    void aPooledConnectionDroppedUnseenIsReplacedWithOneRetry() throws DirectoryException, IOException {
        try (DroppingProxy proxy = new DroppingProxy(DIRECTORY.ldapPort());
             LdapPeopleDirectory directory = LdapPeopleDirectory.create(viaProxy(proxy).withLimits(200, 100, 1))) {
            assertThat(directory.byUsername("user0001")).isPresent();
            requests.reset();

            // the pooled connection still looks open and bound: lost only when the search is sent
            proxy.dropNextRequest();
            try (PagedSearch search = directory.search("Person 000", 25)) {
                assertThat(search.nextPage()).hasSize(9);
            }
            // the lost request never arrived; the retry did, on a new connection (bound once)
            assertThat(requests.searches()).isEqualTo(1);
            assertThat(requests.binds()).isEqualTo(1);

            proxy.dropNextRequest();
            assertThat(directory.byUsername("user0002")).isPresent();
            assertThat(requests.searches()).isEqualTo(2);
            assertThat(requests.binds()).isEqualTo(2);

            // the dropped connections were discarded, not pooled: the new one serves without a retry
            requests.reset();
            for (int i = 0; i < 3; i++) {
                assertThat(directory.byUsername("user000" + (i + 3))).isPresent();
            }
            assertThat(requests.searches()).isEqualTo(3);
            assertThat(requests.binds()).isZero();
        }
    }

    @Test
    void aConnectionLostAfterTheFirstPageIsNotRetried() throws DirectoryException, IOException {
        try (DroppingProxy proxy = new DroppingProxy(DIRECTORY.ldapPort());
             LdapPeopleDirectory directory = LdapPeopleDirectory.create(viaProxy(proxy).withLimits(200, 25, 1))) {
            try (PagedSearch search = directory.search("Person", 25)) {
                assertThat(search.nextPage()).hasSize(25);
                requests.reset();
                proxy.dropNextRequest();

                // the directory's paging state went with the connection; a new one could not go on
                assertThatThrownBy(search::nextPage).isInstanceOf(DirectoryUnreachableException.class)
                        .hasMessageContaining("127.0.0.1:" + proxy.port());
                assertThat(search.hasMore()).isFalse();
            }
            assertThat(requests.searches()).isZero();
            assertThat(directory.byUsername("user0001")).isPresent();
        }
    }

    @Test
    void anErrorTheDirectoryAnsweredIsNotRetried() throws DirectoryException {
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(DIRECTORY.config().withLimits(200, 100, 1))) {
            assertThat(directory.byUsername("user0001")).isPresent();
            requests.reset();
            DIRECTORY.endSearchesWith(ResultCode.UNWILLING_TO_PERFORM);

            assertThatThrownBy(() -> directory.byUsername("user0002")).isExactlyInstanceOf(DirectoryRefusedException.class)
                    .hasMessageContaining("result code 53");
            try (PagedSearch search = directory.search("Person", 25)) {
                assertThatThrownBy(search::nextPage).isExactlyInstanceOf(DirectoryRefusedException.class);
            }
            assertThat(requests.searches()).isEqualTo(2);

            DIRECTORY.release();
            assertThat(directory.byUsername("user0002")).isPresent();
        }
    }

    @Test
    void aTimeoutIsNotRetried() throws DirectoryException {
        DirectoryConfig config = DIRECTORY.config().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withLimits(200, 100, 1);
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            assertThat(directory.byUsername("user0001")).isPresent();
            requests.reset();
            DIRECTORY.stallSearchesAfter(0);

            assertThatThrownBy(() -> directory.byUsername("user0002")).isInstanceOf(DirectoryTimeoutException.class);
            assertThat(requests.searches()).isEqualTo(1);
        }
    }

    private static DirectoryConfig viaProxy(DroppingProxy proxy) {
        DirectoryConfig direct = DIRECTORY.config();
        return new DirectoryConfig(direct.host(), proxy.port(), direct.security(), direct.trusted(),
                direct.peopleBase(), direct.profile(), direct.serviceAccount(), direct.connectTimeout(),
                direct.operationTimeout(), direct.sizeLimit(), direct.pageSize(), direct.poolSize());
    }

    /** Waits, a bounded while, for a count the server reaches after the client has moved on. */
    private static void awaitCount(IntSupplier count, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count.getAsInt() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }
}
