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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled server with baresip, a real SIP phone: baresip registers with digest, exchanges
 * MESSAGEs with SIPp both ways through our proxy, and publishes presence a SIPp watcher sees —
 * the same checks {@link BaresipKamailioInteropIT} makes against Kamailio.
 */
class SwitchboardBaresipInteropIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static String domain;

    private static SippRunner sipp;
    private static BaresipFixture carol;

    @BeforeAll
    static void start() throws Exception {
        domain = SERVER.domain();
        for (String user : new String[] {"alice", "bob", "carol"}) {
            SERVER.register(user, password(user));
        }
        // carol lets bob watch her presence (the roster decides, whichever protocol asks)
        new JdbcRosterStore(SERVER.database()).put("carol", new RosterItem(Address.of("bob", domain), "bob",
                SubscriptionState.FROM, false, false, Set.of()));
        sipp = new SippRunner();
        carol = BaresipFixture.start(new BaresipFixture.Config("carol", domain, password("carol"),
                hostPort(), "bob", Transport.UDP));
        try {
            carol.awaitRegistered(Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            throw new AssertionError("baresip did not register; its output:\n" + carol.output(), e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (carol != null) {
            carol.close(false);
        }
        sipp.close(false);
    }

    private static String password(String user) {
        return "baresip-" + user;
    }

    private static String hostPort() {
        return "127.0.0.1:" + SERVER.sipPort();
    }

    private static Account account(String user, String peer) {
        return new Account(user, domain, password(user), peer);
    }

    @Test
    void baresipRegisteredWithDigest() throws Exception {
        assertThat(carol.command("reginfo", "")).contains("sip:carol@" + domain).contains("OK");
        assertThat(carol.output()).contains("200 OK");
    }

    @Test
    void aMessageFromBaresipReachesASippRecipient() throws Exception {
        String text = "from carol " + UUID.randomUUID();
        Result registered = sipp.run(Run.of("register.xml", hostPort(), Transport.UDP, account("bob", ""))
                .withKeyword("expires", "600"));
        assertThat(registered.allSucceeded(1)).as("%s", registered).isTrue();
        int bobsPort = Integer.parseInt(registered.messages()
                .replaceAll("(?s).*?Contact: <sip:bob@127\\.0\\.0\\.1:(\\d+).*", "$1"));
        SippRunner.Running bob = sipp.start(Run.of("message-sink.xml", hostPort(), Transport.UDP,
                account("bob", "")).withLocalPort(bobsPort));
        bob.awaitBound(Duration.ofSeconds(10));

        carol.sendMessage(text);
        Result received = bob.await();

        assertThat(received.allSucceeded(1)).as("%s", received).isTrue();
        assertThat(received.messages()).contains("MESSAGE sip:bob@127.0.0.1:" + bobsPort)
                .contains("From: <sip:carol@" + domain + ">").contains(text);
    }

    @Test
    void aMessageFromSippReachesBaresip() throws Exception {
        String text = "to carol " + UUID.randomUUID();

        Result sent = sipp.run(Run.of("message.xml", hostPort(), Transport.UDP, account("alice", "carol"))
                .withKeyword("text", text));

        assertThat(sent.allSucceeded(1)).as("%s", sent).isTrue();
        await("baresip shows the message").atMost(Duration.ofSeconds(10))
                .until(() -> carol.output().contains(text));
        assertThat(carol.output()).contains("sip:alice@" + domain);
    }

    @Test
    void aSippWatcherSeesBaresipsPublishedPresence() throws Exception {
        carol.setOnline(true);
        await("open published").atMost(Duration.ofSeconds(15)).until(() -> watchCarol().contains("<basic>open</basic>"));

        carol.setOnline(false);
        await("closed published").atMost(Duration.ofSeconds(15)).until(() -> watchCarol().contains("<basic>closed</basic>"));
    }

    /** The body of the first NOTIFY a fresh subscription to carol gets. */
    private static String watchCarol() throws Exception {
        Result watched = sipp.run(Run.of("subscribe.xml", hostPort(), Transport.UDP, account("bob", "carol"))
                .withKeyword("expires", "60").withKeyword("event", "presence")
                .withKeyword("accept", "application/pidf+xml"));
        assertThat(watched.allSucceeded(1)).as("%s", watched).isTrue();
        String messages = watched.messages();
        int notify = messages.indexOf("NOTIFY sip:bob@");
        return messages.substring(notify, messages.indexOf("SIP/2.0 200 OK", notify));
    }
}
