package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.unboundid.ldap.sdk.ResultCode;

/** A directory that is not there, or stops answering. */
class LdapFailuresTest {

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(1);

    @RegisterExtension
    static final TestDirectory DIRECTORY = TestDirectory.plain();

    @AfterEach
    void letStalledSearchesGo() {
        DIRECTORY.release();
    }

    @Test
    void aPortNobodyListensOnIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        DirectoryConfig config = DirectoryConfig.of("127.0.0.1", closedPort, TestDirectory.PEOPLE_BASE,
                AttributeProfile.OPENLDAP).withTimeouts(Duration.ofSeconds(2), OPERATION_TIMEOUT);
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            assertThatThrownBy(() -> directory.byUsername("user0001"))
                    .isInstanceOf(DirectoryUnreachableException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort);
            assertThatThrownBy(() -> directory.authenticate("user0001", "secret-0001".toCharArray()))
                    .isInstanceOf(DirectoryUnreachableException.class);
        }
    }

    @Test
    void aDirectoryThatStopsAnsweringMidSearchTimesOutAndThePoolRecovers() throws DirectoryException {
        DirectoryConfig config = DIRECTORY.config().withTimeouts(Duration.ofSeconds(2), OPERATION_TIMEOUT)
                .withLimits(200, 100, 2);
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            DIRECTORY.stallSearchesAfter(150); // in the second page
            long started = System.nanoTime();

            assertThatThrownBy(() -> directory.forEachPerson(Optional.empty(), person -> { }))
                    .isInstanceOf(DirectoryTimeoutException.class)
                    .hasMessageContaining("127.0.0.1:" + DIRECTORY.ldapPort());

            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).isGreaterThanOrEqualTo(OPERATION_TIMEOUT)
                    .isLessThan(OPERATION_TIMEOUT.plus(Duration.ofSeconds(2)));

            // the stalled connection was dropped, not pooled: both connections serve again at once
            for (int i = 0; i < 3; i++) {
                assertThat(directory.byUsername("user000" + (i + 1))).isPresent();
            }
            try (PagedSearch search = directory.search("Person 01", 50)) {
                assertThat(search.nextPage()).hasSize(50);
            }
        }
    }

    @Test
    void aStalledTypeAheadTimesOutAndHandsNoBrokenConnectionBack() throws DirectoryException {
        DirectoryConfig config = DIRECTORY.config().withTimeouts(Duration.ofSeconds(2), OPERATION_TIMEOUT)
                .withLimits(200, 100, 1);
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            DIRECTORY.stallSearchesAfter(10);
            try (PagedSearch search = directory.search("Person", 50)) {
                assertThatThrownBy(search::nextPage).isInstanceOf(DirectoryTimeoutException.class);
                assertThat(search.hasMore()).isFalse();
            }

            // a pool of one: had the stalled connection gone back, this would wait on it
            assertThat(directory.authenticate("user0009", "secret-0009".toCharArray()).username())
                    .isEqualTo("user0009");
            assertThat(directory.byUsername("user0010")).isPresent();
        }
    }

    @Test
    void connectionsTheDirectoryDroppedAreReplaced() throws DirectoryException {
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(DIRECTORY.config().withLimits(200, 100, 2))) {
            assertThat(directory.byUsername("user0001")).isPresent();
            try (PagedSearch first = directory.search("Person 00", 10); PagedSearch second = directory.search("Person 01", 10)) {
                assertThat(first.nextPage()).hasSize(10);
                assertThat(second.nextPage()).hasSize(10);
            }

            DIRECTORY.server().closeAllConnections(true);

            assertThat(directory.byUsername("user0002")).isPresent();
            assertThat(directory.authenticate("user0003", "secret-0003".toCharArray()).username()).isEqualTo("user0003");
        }
    }

    @Test
    void aPoolWhoseConnectionsAreAllHeldTimesOut() throws DirectoryException {
        DirectoryConfig config = DIRECTORY.config().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
                .withLimits(200, 100, 1);
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            try (PagedSearch held = directory.search("Person", 10)) {
                assertThat(held.nextPage()).hasSize(10);

                assertThatThrownBy(() -> directory.byUsername("user0001"))
                        .isInstanceOf(DirectoryTimeoutException.class)
                        .hasMessageContaining("All 1 connections");
            }
            assertThat(directory.byUsername("user0001")).isPresent();
        }
    }

    @Test
    void aDirectoryWithoutStartTlsIsATlsProblem() {
        DirectoryConfig config = DIRECTORY.config().withSecurity(DirectorySecurity.START_TLS, List.of());
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            assertThatThrownBy(() -> directory.byUsername("user0001"))
                    .isInstanceOf(DirectoryTlsException.class)
                    .hasMessageContaining("refused StartTLS");
            assertThatThrownBy(() -> directory.authenticate("user0001", "secret-0001".toCharArray()))
                    .isInstanceOf(DirectoryTlsException.class);
        }
    }

    @Test
    void aRefusedServiceAccountIsNotTheUsersWrongPassword() {
        DirectoryConfig config = DIRECTORY.config().withServiceAccount(
                new DirectoryConfig.ServiceAccount(TestDirectory.READER_DN, "not-the-password".toCharArray()));
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            assertThatThrownBy(() -> directory.authenticate("user0001", "secret-0001".toCharArray()))
                    .isExactlyInstanceOf(DirectoryRefusedException.class)
                    .hasMessageContaining("service account")
                    .hasMessageContaining("result code 49");
        }
    }

    @Test
    void theDirectorysTimeLimitIsATimeout() {
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(DIRECTORY.config())) {
            DIRECTORY.endSearchesWith(ResultCode.TIME_LIMIT_EXCEEDED);

            assertThatThrownBy(() -> directory.byUsername("user0001")).isInstanceOf(DirectoryTimeoutException.class);
            assertThatThrownBy(() -> directory.forEachPerson(Optional.empty(), person -> { }))
                    .isInstanceOf(DirectoryTimeoutException.class);
        }
    }

    @Test
    void theDirectorysOwnSizeLimitEndsTypeAheadButFailsASynchronisation() throws DirectoryException {
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(DIRECTORY.config())) {
            DIRECTORY.endSearchesWith(ResultCode.SIZE_LIMIT_EXCEEDED);

            try (PagedSearch search = directory.search("Person 00", 20)) {
                assertThat(search.nextPage()).hasSize(20);
                assertThat(search.hasMore()).isFalse();
            }
            // a sync that took a cut-short list for everyone would remove the rest
            assertThatThrownBy(() -> directory.forEachPerson(Optional.empty(), person -> { }))
                    .isExactlyInstanceOf(DirectoryRefusedException.class)
                    .hasMessageContaining("sizeLimitExceeded");
        }
    }

    @Test
    void otherRefusalsCarryTheirResultCode() {
        DirectoryConfig config = DIRECTORY.config();
        DirectoryConfig elsewhere = new DirectoryConfig(config.host(), config.port(), config.security(),
                config.trusted(), "ou=nowhere," + TestDirectory.BASE, config.profile(), config.serviceAccount(),
                config.connectTimeout(), config.operationTimeout(), config.sizeLimit(), config.pageSize(),
                config.poolSize());
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(elsewhere)) {
            assertThatThrownBy(() -> directory.byUsername("user0001"))
                    .isExactlyInstanceOf(DirectoryRefusedException.class)
                    .hasMessageContaining("noSuchObject")
                    .hasMessageContaining("result code 32")
                    .hasMessageContaining("127.0.0.1:" + DIRECTORY.ldapPort());
            DIRECTORY.endSearchesWith(ResultCode.UNWILLING_TO_PERFORM);
        }
        try (LdapPeopleDirectory directory = LdapPeopleDirectory.create(config)) {
            assertThatThrownBy(() -> directory.search("Person", 10).nextPage())
                    .isExactlyInstanceOf(DirectoryRefusedException.class)
                    .hasMessageContaining("result code 53");
        }
    }
}
