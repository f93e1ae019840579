package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.interop.sip.SippRunner.Account;
import io.switchboard.e2e.interop.sip.SippRunner.Result;
import io.switchboard.e2e.interop.sip.SippRunner.Run;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;

import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.jdbc.JdbcRosterStore;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled server's SIP side against SIPp (an independent SIP implementation), with the same
 * scenario files {@link KamailioSippInteropIT} proves against Kamailio: REGISTER with digest,
 * PUBLISH, SUBSCRIBE/NOTIFY with the published note, presence.winfo, MESSAGE to a registered
 * recipient — over UDP and TCP.
 */
class SwitchboardSippInteropIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static SippRunner sipp;
    private static String domain;

    @BeforeAll
    static void users() throws Exception {
        sipp = new SippRunner();
        domain = SERVER.domain();
        for (String user : new String[] {"alice", "bob", "carol", "dave"}) {
            SERVER.register(user, password(user));
        }
        // SIP watchers are authorised through the roster the XMPP side uses: alice and dave let bob watch
        approve("alice", "bob");
        approve("dave", "bob");
    }

    /** {@code owner} lets {@code watcher} see their presence, as an approval in an XMPP client would. */
    private static void approve(String owner, String watcher) throws Exception {
        new JdbcRosterStore(SERVER.database()).put(owner, new RosterItem(Address.of(watcher, domain), watcher,
                SubscriptionState.FROM, false, false, Set.of()));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        sipp.close(false);
    }

    private static String password(String user) {
        return "sipp-" + user + (user.equals("carol") ? ":with-colon" : "");
    }

    private static Account account(String user, String peer) {
        return new Account(user, domain, password(user), peer);
    }

    private static Run run(String scenario, Transport transport, Account account) {
        return Run.of(scenario, "127.0.0.1:" + SERVER.sipPort(), transport, account).withKeyword("expires", "600");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void registerAnswersTheDigestChallenge(Transport transport) throws Exception {
        Result result = sipp.run(run("register.xml", transport, account("alice", "")));

        assertThat(result.allSucceeded(1)).as("%s", result).isTrue();
        assertThat(result.messages()).contains("SIP/2.0 401").contains("SIP/2.0 200 OK");
    }

    @Test
    void registerWithAWrongPasswordFails() throws Exception {
        Result result = sipp.run(Run.of("register.xml", "127.0.0.1:" + SERVER.sipPort(), Transport.UDP,
                new Account("alice", domain, "not-her-password", "")).withKeyword("expires", "600"));

        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.failed()).isEqualTo(1);
    }

    @Test
    void digestWorksForAPasswordWithAColon() throws Exception {
        assertThat(sipp.run(run("register.xml", Transport.UDP, account("carol", ""))).allSucceeded(1)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWatcherSeesWhatWasPublished(Transport transport) throws Exception {
        String note = "note-" + UUID.randomUUID();
        Result published = sipp.run(run("publish.xml", transport, account("alice", ""))
                .withKeyword("basic", "open").withKeyword("note", note));
        assertThat(published.allSucceeded(1)).as("%s", published).isTrue();
        assertThat(published.messages()).contains("SIP-ETag:");

        Result watched = sipp.run(run("subscribe.xml", transport, account("bob", "alice"))
                .withKeyword("event", "presence").withKeyword("accept", "application/pidf+xml"));

        assertThat(watched.allSucceeded(1)).as("%s", watched).isTrue();
        assertThat(watched.messages()).contains("NOTIFY sip:bob@").contains(note)
                .contains("Subscription-State: terminated");
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
                .until(() -> watcher.messagesSoFar().contains(first));

        Result winfo = sipp.run(run("subscribe.xml", Transport.UDP, account("dave", "dave"))
                .withKeyword("event", "presence.winfo").withKeyword("accept", "application/watcherinfo+xml"));
        assertThat(winfo.allSucceeded(1)).as("%s", winfo).isTrue();
        assertThat(winfo.messages()).contains("Event: presence.winfo").contains("<watcherinfo")
                .containsPattern("<watcher [^>]*status=\"active\"[^>]*>sip:bob@" + domain + "</watcher>");

        // a second device of dave's publishes: unlike Kamailio, which passes on the latest
        // publication, we compose one presence from all of them (an open device is not hidden by a
        // closed one), so the change the watcher must see is a second open device with a newer note
        assertThat(sipp.run(run("publish.xml", Transport.UDP, account("dave", ""))
                .withKeyword("basic", "open").withKeyword("note", second)).allSucceeded(1)).isTrue();
        Result watched = watcher.await();

        assertThat(watched.allSucceeded(1)).as("%s", watched).isTrue();
        assertThat(watched.messages()).contains(second);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMessageReachesTheRegisteredRecipient(Transport transport) throws Exception {
        String text = "hello bob " + UUID.randomUUID();
        Result registered = sipp.run(run("register.xml", transport, account("bob", "")));
        assertThat(registered.allSucceeded(1)).as("%s", registered).isTrue();
        int bobsPort = Integer.parseInt(registered.messages()
                .replaceAll("(?s).*?Contact: <sip:bob@127\\.0\\.0\\.1:(\\d+).*", "$1"));

        SippRunner.Running bob = sipp.start(Run.of("message-sink.xml", "127.0.0.1:" + SERVER.sipPort(), transport,
                account("bob", "")).withLocalPort(bobsPort));
        bob.awaitBound(Duration.ofSeconds(10));
        Result sent = sipp.run(run("message.xml", transport, account("alice", "bob")).withKeyword("text", text));
        Result received = bob.await();

        assertThat(sent.allSucceeded(1)).as("%s", sent).isTrue();
        assertThat(received.allSucceeded(1)).as("%s", received).isTrue();
        assertThat(received.messages()).contains(text);
    }
}
