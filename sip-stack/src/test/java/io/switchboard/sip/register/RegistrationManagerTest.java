package io.switchboard.sip.register;

import static io.switchboard.sip.ua.UserAgentFixture.ALICE;
import static io.switchboard.sip.ua.UserAgentFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipRejectedException;
import io.switchboard.sip.ua.UserAgentFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REGISTER against the real JAIN-SIP test registrar: digest, lifetimes, refresh, sign-out, failover. */
class RegistrationManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final UserAgentFixture fixture = new UserAgentFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource({"UDP, MD5", "UDP, SHA_256", "TCP, MD5", "TCP, SHA_256"})
    void registersWithDigestOverEachTransportAndAlgorithm(SipTransport transport, DigestAlgorithm algorithm)
            throws Exception {
        TestSipServer server = fixture.server("registrar", List.of(algorithm));
        SipUserAgent alice = fixture.alice(server, transport);
        List<RegistrationState> states = new CopyOnWriteArrayList<>();
        alice.registration().addListener(status -> states.add(status.state()));

        RegistrationStatus status = alice.registration().register().get(5, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(status.proxy()).isEqualTo(server.proxy(transport));
        assertThat(status.granted()).isEqualTo(Duration.ofHours(1));
        assertThat(server.registrar().binding(ALICE)).get()
                .satisfies(binding -> assertThat(binding.contact())
                        .contains(":" + alice.context().endpoint().port())
                        .containsIgnoringCase("transport=" + transport.token()));
        Request authorized = server.received(Request.REGISTER).get(1);
        assertThat(authorized.getHeader(AuthorizationHeader.NAME).toString()).contains("algorithm=" + algorithm.token());
        await().atMost(WAIT).until(() -> states.equals(List.of(RegistrationState.REGISTERING, RegistrationState.REGISTERED)));
    }

    @Test
    void aServerOfferingBothAlgorithmsGetsSha256() throws Exception {
        TestSipServer server = fixture.server("registrar");
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);

        alice.registration().register().get(5, TimeUnit.SECONDS);

        assertThat(server.received(Request.REGISTER).get(1).getHeader(AuthorizationHeader.NAME).toString())
                .contains("algorithm=SHA-256");
    }

    @Test
    void aWrongPasswordFailsWith401AfterOneAnswerAndIsNotRetried() throws Exception {
        TestSipServer server = fixture.server("registrar");
        SipUserAgent alice = fixture.agent(SipAccount.of(ALICE, "wrong", server.proxy(SipTransport.UDP)),
                UserAgentFixture.fastSettings());

        Throwable failure = failureOf(alice.registration());

        assertThat(failure).isInstanceOf(SipRejectedException.class);
        assertThat(((SipRejectedException) failure).statusCode()).isEqualTo(401);
        assertThat(alice.registration().status().state()).isEqualTo(RegistrationState.FAILED);
        assertThat(server.received(Request.REGISTER)).hasSize(2);
        assertThat(server.registrar().binding(ALICE)).isEmpty();
    }

    @Test
    void refreshesAtHalfTheGrantedLifetimeReusingTheNonceUntilItIsStale() throws Exception {
        TestSipServer server = fixture.server("registrar");
        server.registrar().setMaxExpires(2);
        SipUserAgent alice = fixture.alice(server, SipTransport.TCP);

        RegistrationStatus status = alice.registration().register().get(5, TimeUnit.SECONDS);
        assertThat(status.granted()).isEqualTo(Duration.ofSeconds(2));

        await().atMost(WAIT).until(() -> server.registrar().registrations() >= 3);
        assertThat(server.challengesSent()).as("refreshes reuse the cached nonce").isEqualTo(1);

        server.clock().advance(Duration.ofMinutes(10));
        int before = server.registrar().registrations();
        await().atMost(WAIT).until(() -> server.registrar().registrations() >= before + 2);
        assertThat(server.staleChallengesSent()).isGreaterThanOrEqualTo(1);
        assertThat(alice.registration().status().state()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void intervalTooBriefIsAnsweredWithMinExpires() throws Exception {
        TestSipServer server = fixture.server("registrar");
        server.registrar().setMinExpires(120);
        SipUserAgent alice = fixture.agent(SipAccount.of(ALICE, PASSWORD, server.proxy(SipTransport.UDP))
                .withExpires(Duration.ofSeconds(60)), UserAgentFixture.fastSettings());

        RegistrationStatus status = alice.registration().register().get(5, TimeUnit.SECONDS);

        assertThat(status.granted()).isEqualTo(Duration.ofSeconds(120));
        assertThat(server.registrar().binding(ALICE)).get().extracting(TestRegistrarBinding::expires).isEqualTo(120);
    }

    @Test
    void unregisterRemovesTheBindingAndStopsRefreshing() throws Exception {
        TestSipServer server = fixture.server("registrar");
        server.registrar().setMaxExpires(2);
        SipUserAgent alice = fixture.alice(server, SipTransport.UDP);
        alice.registration().register().get(5, TimeUnit.SECONDS);

        RegistrationStatus status = alice.registration().unregister().get(5, TimeUnit.SECONDS);

        assertThat(status.state()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(server.registrar().binding(ALICE)).isEmpty();
        int registrations = server.registrar().registrations();
        int requests = server.received(Request.REGISTER).size();
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4))
                .until(() -> server.received(Request.REGISTER).size() == requests);
        assertThat(server.registrar().registrations()).isEqualTo(registrations);
    }

    @ParameterizedTest
    @CsvSource({"UDP, silent", "TCP, stopped", "UDP, 503", "TCP, 500"})
    void aFailingPrimaryHandsOverToTheBackup(SipTransport transport, String failure) throws Exception {
        TestSipServer primary = fixture.server("primary");
        TestSipServer backup = fixture.server("backup");
        switch (failure) {
            case "silent" -> primary.setSilent(true);
            case "stopped" -> primary.close();
            default -> primary.answerNext(Request.REGISTER, Integer.parseInt(failure), 100);
        }
        SipUserAgent alice = fixture.agent(SipAccount.of(ALICE, PASSWORD, primary.proxy(transport))
                .withBackup(backup.proxy(transport)), UserAgentFixture.fastSettings());

        RegistrationStatus status = alice.registration().register().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(status.proxy()).isEqualTo(backup.proxy(transport));
        assertThat(alice.currentProxy()).isEqualTo(backup.proxy(transport));
        assertThat(backup.registrar().binding(ALICE)).isPresent();
    }

    @Test
    void theRegistrationGoesBackToThePrimaryOnceItAnswersAgain() throws Exception {
        TestSipServer primary = fixture.server("primary");
        TestSipServer backup = fixture.server("backup");
        primary.answerNext(Request.REGISTER, 503, 1);
        SipUserAgent alice = fixture.agent(SipAccount.of(ALICE, PASSWORD, primary.proxy(SipTransport.UDP))
                .withBackup(backup.proxy(SipTransport.UDP)), UserAgentFixture.fastSettings());
        List<RegistrationStatus> statuses = new CopyOnWriteArrayList<>();
        alice.registration().addListener(statuses::add);

        assertThat(alice.registration().register().get(WAIT.toSeconds(), TimeUnit.SECONDS).proxy())
                .isEqualTo(backup.proxy(SipTransport.UDP));

        await().atMost(WAIT).until(() -> primary.registrar().binding(ALICE).isPresent());
        await().atMost(WAIT).until(() -> backup.registrar().binding(ALICE).isEmpty());
        assertThat(alice.registration().status().proxy()).isEqualTo(primary.proxy(SipTransport.UDP));
        assertThat(alice.currentProxy()).isEqualTo(primary.proxy(SipTransport.UDP));
        assertThat(statuses).extracting(RegistrationStatus::state).endsWith(RegistrationState.REGISTERED);
    }

    @Test
    void withoutAnyAnsweringProxyTheStateIsFailedAndRegisteringIsRetried() throws Exception {
        TestSipServer primary = fixture.server("primary");
        primary.answerNext(Request.REGISTER, 503, 2);
        SipUserAgent alice = fixture.alice(primary, SipTransport.UDP);

        Throwable failure = failureOf(alice.registration());

        assertThat(failure).isInstanceOf(SipRejectedException.class);
        assertThat(alice.registration().status().state()).isEqualTo(RegistrationState.FAILED);
        await().atMost(WAIT).until(() -> alice.registration().status().isRegistered());
    }

    private static Throwable failureOf(RegistrationManager registration) throws Exception {
        try {
            registration.register().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the registration to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Shortcut for the extracting lambda above. */
    private interface TestRegistrarBinding {
        static int expires(io.switchboard.sip.testpeer.TestRegistrar.Binding binding) {
            return binding.expires();
        }
    }
}
