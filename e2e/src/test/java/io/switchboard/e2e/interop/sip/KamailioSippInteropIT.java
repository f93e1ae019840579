package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.e2e.interop.sip.KamailioFixture.User;
import io.switchboard.e2e.interop.sip.SippRunner.Account;
import io.switchboard.e2e.interop.sip.SippRunner.Result;
import io.switchboard.e2e.interop.sip.SippRunner.Run;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Self-test of the SIP interop harness: every SIPp scenario under {@code sipp/} against a real
 * Kamailio (which challenges every request from its users), over UDP and TCP. When these pass,
 * a failure of the same scenario against our server is our server's.
 */
class KamailioSippInteropIT {

    private static final String DOMAIN = "kamailio.interop.test";

    @RegisterExtension
    static final KamailioFixture KAMAILIO = new KamailioFixture(KamailioFixture.Config.of(DOMAIN, true,
            new User("alice", "secret-a"), new User("bob", "secret-b"), new User("carol", "secret:c"),
            new User("dave", "secret-d")));

    /** A second Kamailio that challenges only REGISTER: proves the scenarios' no-challenge paths. */
    @RegisterExtension
    static final KamailioFixture OPEN = new KamailioFixture(KamailioFixture.Config.of(DOMAIN, false,
            new User("erin", "secret-e"), new User("frank", "secret-f")));

    private static SippRunner sipp;

    @BeforeAll
    static void runner() throws Exception {
        sipp = new SippRunner();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        sipp.close(KAMAILIO.failed() || OPEN.failed());
    }

    private static Account account(String user, String peer) {
        return new Account(user, DOMAIN, KAMAILIO.password(user), peer);
    }

    private static Run run(String scenario, Transport transport, Account account) {
        return Run.of(scenario, KAMAILIO.hostPort(), transport, account).withKeyword("expires", "600");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void registerAnswersTheDigestChallenge(Transport transport) throws Exception {
        Result result = sipp.run(run("register.xml", transport, account("alice", "")));

        assertThat(result.allSucceeded(1)).as("%s", result).isTrue();
        assertThat(result.messages()).contains("SIP/2.0 401").contains("Authorization: Digest username=\"alice\"")
                .contains("SIP/2.0 200 OK");
    }

    @Test
    void registerWithAWrongPasswordFails() throws Exception {
        Result result = sipp.run(Run.of("register.xml", KAMAILIO.hostPort(), Transport.UDP,
                new Account("alice", DOMAIN, "not-her-password", "")).withKeyword("expires", "600"));

        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.failed()).isEqualTo(1);
    }

    @Test
    void digestWorksForAPasswordWithAColon() throws Exception {
        Result result = sipp.run(run("register.xml", Transport.UDP, account("carol", "")));

        assertThat(result.allSucceeded(1)).as("%s", result).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWatcherSeesWhatWasPublished(Transport transport) throws Exception {
        String note = "note-" + UUID.randomUUID();
        Result published = sipp.run(run("publish.xml", transport, account("alice", ""))
                .withKeyword("basic", "open").withKeyword("note", note));
        assertThat(published.allSucceeded(1)).as("%s", published).isTrue();
        assertThat(published.messages()).contains("SIP/2.0 407").contains("SIP-ETag:");

        Result watched = sipp.run(run("subscribe.xml", transport, account("bob", "alice"))
                .withKeyword("event", "presence").withKeyword("accept", "application/pidf+xml"));

        assertThat(watched.allSucceeded(1)).as("%s", watched).isTrue();
        assertThat(watched.messages()).contains("NOTIFY sip:bob@").contains("<basic>open</basic>")
                .contains("<note>" + note + "</note>").contains("Subscription-State: terminated");
    }

    @Test
    void watcherInfoListsTheWatcherAndTheWatcherGetsTheNextChange() throws Exception {
        String first = "first-" + UUID.randomUUID();
        String second = "update-" + UUID.randomUUID();
        assertThat(sipp.run(run("publish.xml", Transport.UDP, account("dave", ""))
                .withKeyword("basic", "open").withKeyword("note", first)).allSucceeded(1)).isTrue();

        SippRunner.Running watcher = sipp.start(run("subscribe-wait.xml", Transport.UDP, account("bob", "dave"))
                .withKeyword("event", "presence").withKeyword("accept", "application/pidf+xml"));
        await("the watcher's initial NOTIFY").atMost(Duration.ofSeconds(20))
                .until(() -> watcher.messagesSoFar().contains("<note>" + first + "</note>"));

        Result winfo = sipp.run(run("subscribe.xml", Transport.UDP, account("dave", "dave"))
                .withKeyword("event", "presence.winfo").withKeyword("accept", "application/watcherinfo+xml"));
        assertThat(winfo.allSucceeded(1)).as("%s", winfo).isTrue();
        assertThat(winfo.messages()).contains("Event: presence.winfo").contains("<watcherinfo")
                .containsPattern("<watcher [^>]*status=\"active\"[^>]*>sip:bob@" + DOMAIN + "</watcher>");

        assertThat(sipp.run(run("publish.xml", Transport.UDP, account("dave", ""))
                .withKeyword("basic", "closed").withKeyword("note", second)).allSucceeded(1)).isTrue();
        Result watched = watcher.await();

        assertThat(watched.allSucceeded(1)).as("%s", watched).isTrue();
        assertThat(watched.messages()).contains("<note>" + second + "</note>");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMessageReachesTheRegisteredRecipient(Transport transport) throws Exception {
        String text = "hello bob " + UUID.randomUUID();
        Result registered = sipp.run(run("register.xml", transport, account("bob", "")));
        assertThat(registered.allSucceeded(1)).as("%s", registered).isTrue();
        int bobsPort = Integer.parseInt(registered.messages()
                .replaceAll("(?s).*?Contact: <sip:bob@127\\.0\\.0\\.1:(\\d+).*", "$1"));

        // the receiving SIPp binds the port the registration named as bob's contact
        SippRunner.Running bob = sipp.start(Run.of("message-sink.xml", KAMAILIO.hostPort(), transport,
                account("bob", "")).withLocalPort(bobsPort));
        bob.awaitBound(Duration.ofSeconds(10));
        Result sent = sipp.run(run("message.xml", transport, account("alice", "bob")).withKeyword("text", text));
        Result received = bob.await();

        assertThat(sent.allSucceeded(1)).as("%s", sent).isTrue();
        assertThat(received.allSucceeded(1)).as("%s", received).isTrue();
        assertThat(received.messages()).contains("MESSAGE sip:bob@127.0.0.1:" + bobsPort).contains(text);
    }

    @Test
    void theScenariosAlsoWorkWithAServerThatDoesNotChallenge() throws Exception {
        String note = "open-" + UUID.randomUUID();
        String text = "unchallenged " + UUID.randomUUID();
        Account erin = new Account("erin", DOMAIN, OPEN.password("erin"), "frank");
        Account frank = new Account("frank", DOMAIN, OPEN.password("frank"), "erin");

        Result published = sipp.run(Run.of("publish.xml", OPEN.hostPort(), Transport.UDP, erin)
                .withKeyword("expires", "600").withKeyword("basic", "open").withKeyword("note", note));
        Result watched = sipp.run(Run.of("subscribe.xml", OPEN.hostPort(), Transport.UDP, frank)
                .withKeyword("expires", "600").withKeyword("event", "presence")
                .withKeyword("accept", "application/pidf+xml"));
        Result registered = sipp.run(Run.of("register.xml", OPEN.hostPort(), Transport.UDP, frank)
                .withKeyword("expires", "600"));
        int franksPort = Integer.parseInt(registered.messages()
                .replaceAll("(?s).*?Contact: <sip:frank@127\\.0\\.0\\.1:(\\d+).*", "$1"));
        SippRunner.Running sink = sipp.start(Run.of("message-sink.xml", OPEN.hostPort(), Transport.UDP, frank)
                .withLocalPort(franksPort));
        sink.awaitBound(Duration.ofSeconds(10));
        Result sent = sipp.run(Run.of("message.xml", OPEN.hostPort(), Transport.UDP, erin).withKeyword("text", text));
        Result received = sink.await();

        assertThat(published.allSucceeded(1)).as("%s", published).isTrue();
        assertThat(published.messages()).doesNotContain("SIP/2.0 407");
        assertThat(watched.allSucceeded(1)).as("%s", watched).isTrue();
        assertThat(watched.messages()).doesNotContain("SIP/2.0 407").contains("<note>" + note + "</note>");
        assertThat(sent.allSucceeded(1)).as("%s", sent).isTrue();
        assertThat(sent.messages()).doesNotContain("SIP/2.0 407");
        assertThat(received.messages()).contains(text);
    }
}
