package io.switchboard.sip.keepalive;

import static io.switchboard.sip.ua.UserAgentFixture.ALICE;
import static io.switchboard.sip.ua.UserAgentFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.register.RegistrationState;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.UserAgentFixture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OPTIONS keepalive notices a dead primary between registration refreshes and fails over. */
class OptionsKeepaliveTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final UserAgentFixture fixture = new UserAgentFixture();
    private TestSipServer primary;
    private TestSipServer backup;

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource({"UDP, silent", "TCP, stopped", "UDP, 503"})
    void aDeadPrimaryIsDetectedAndTheBackupTakesOver(SipTransport transport, String death) throws Exception {
        SipUserAgent alice = registeredWithKeepalive(transport);

        switch (death) {
            case "silent" -> primary.setSilent(true);
            case "stopped" -> primary.close();
            default -> primary.answerNext(Request.OPTIONS, 503, 100);
        }

        await().atMost(WAIT).until(() -> backup.registrar().binding(ALICE).isPresent()
                && alice.registration().status().state() == RegistrationState.REGISTERED);
        assertThat(alice.registration().status().proxy()).isEqualTo(backup.proxy(transport));
        assertThat(alice.currentProxy()).isEqualTo(backup.proxy(transport));
    }

    @Test
    void anyAnswerEvenARefusalKeepsTheProxy() throws Exception {
        SipUserAgent alice = registeredWithKeepalive(SipTransport.UDP);
        primary.answerNext(Request.OPTIONS, 405, 3);

        await().atMost(WAIT).until(() -> primary.received(Request.OPTIONS).size() >= 5);

        assertThat(alice.registration().status().proxy()).isEqualTo(primary.proxy(SipTransport.UDP));
        assertThat(backup.received()).isEmpty();
    }

    @Test
    void keepalivesStopWhenSignedOut() throws Exception {
        SipUserAgent alice = registeredWithKeepalive(SipTransport.UDP);
        await().atMost(WAIT).until(() -> primary.received(Request.OPTIONS).size() >= 1);

        alice.registration().unregister().get(5, TimeUnit.SECONDS);
        int probes = primary.received(Request.OPTIONS).size();

        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> primary.received(Request.OPTIONS).size() <= probes + 1);
    }

    private SipUserAgent registeredWithKeepalive(SipTransport transport) throws Exception {
        primary = fixture.server("primary");
        backup = fixture.server("backup");
        SipUserAgent alice = fixture.agent(SipAccount.of(ALICE, PASSWORD, primary.proxy(transport))
                        .withBackup(backup.proxy(transport)),
                UserAgentFixture.fastSettings().withKeepaliveInterval(Duration.ofMillis(300))
                        .withFailbackInterval(Duration.ofMinutes(5)));
        alice.registration().register().get(5, TimeUnit.SECONDS);
        return alice;
    }
}
