package io.switchboard.e2e.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ChatService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled server with an XMPP client that is not built on Smack: a slixmpp script
 * (Debian's python3-slixmpp) signs in with SCRAM over STARTTLS, checking our certificate,
 * asks a Smack-based Switchboard session for a subscription, approves the one back, sees and
 * publishes presence, answers a chat and checks its roster.
 */
class SlixmppInteropIT {

    private static final Logger LOG = LoggerFactory.getLogger(SlixmppInteropIT.class);
    /** Debian's interpreter, which has python3-slixmpp; another python3 may be first on PATH. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    Path tmp;

    @Test
    void slixmppSubscribesSeesPresenceAndChatsWithASwitchboardSession() throws Exception {
        Address carol = SERVER.register("carol-slixmpp", "carol-pw");
        Address dave = SERVER.register("dave-smack", "dave-pw");
        try (XmppClientSession daveSession = new XmppClientSession(account(dave, "dave-pw"))) {
            List<ChatMessage> daveGot = new CopyOnWriteArrayList<>();
            daveSession.chat().addListener(new ChatService.ChatListener() {
                @Override
                public void messageReceived(ChatMessage message) {
                    daveGot.add(message);
                }
            });
            daveSession.signIn();
            daveSession.presence().setOwnPresence(Availability.AVAILABLE, "smack here");

            List<String> peerSays = new CopyOnWriteArrayList<>();
            Process peer = startPeer(carol, "carol-pw", dave, peerSays);
            try {
                await().atMost(WAIT).untilAsserted(() -> assertThat(daveSession.contacts().pendingRequests())
                        .extracting(SubscriptionRequest::from).contains(carol));
                daveSession.contacts().acceptSubscription(carol);

                await().atMost(WAIT).untilAsserted(() -> {
                    var seen = daveSession.presence().presenceOf(carol);
                    assertThat(seen.availability()).isEqualTo(Availability.AWAY);
                    assertThat(seen.note()).isEqualTo("at lunch");
                    assertThat(daveSession.contacts().contact(carol).map(Contact::subscription))
                            .contains(SubscriptionState.BOTH);
                });

                daveSession.chat().send(carol, "ping from smack");
                await().atMost(WAIT).until(() -> daveGot.stream()
                        .anyMatch(m -> m.body().equals("pong: ping from smack") && m.peer().equals(carol)));

                assertThat(peer.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("slixmpp finished").isTrue();
                assertThat(peer.exitValue()).as("slixmpp exit code; it said: %s", peerSays).isZero();
                assertThat(peerSays).contains(
                        "STEP peer-presence available smack here",
                        "STEP chat-received ping from smack",
                        "STEP roster " + dave.toJid() + " both",
                        "STEP done");
            } finally {
                peer.destroyForcibly();
            }
        }
    }

    @Test
    void slixmppWithAWrongPasswordIsRefused() throws Exception {
        Address erin = SERVER.register("erin-slixmpp", "right");
        List<String> peerSays = new CopyOnWriteArrayList<>();
        Process peer = startPeer(erin, "wrong", Address.of("nobody", SERVER.domain()), peerSays);
        try {
            assertThat(peer.waitFor(WAIT.toSeconds() * 2, TimeUnit.SECONDS)).isTrue();
            assertThat(peer.exitValue()).isNotZero();
            assertThat(peerSays).contains("FAIL authentication failed");
        } finally {
            peer.destroyForcibly();
        }
    }

    private XmppAccount account(Address user, String password) {
        return new XmppAccount(user, password.toCharArray(), SERVER.domain(),
                Optional.of(new ServerEndpoint("127.0.0.1", SERVER.c2sPort())), "smack", 0,
                CertificateTrust.pinned(SERVER.certificateFingerprint()), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    private Process startPeer(Address user, String password, Address peer, List<String> lines) throws Exception {
        Path script = tmp.resolve("peer.py");
        try (InputStream in = SlixmppInteropIT.class.getResourceAsStream("/slixmpp/peer.py")) {
            Files.copy(in, script);
        }
        Path ca = SERVER.exportCertificatePem(tmp.resolve("server.pem"));
        Process process = new ProcessBuilder(PYTHON, script.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(SERVER.c2sPort()),
                "--jid", user.toJid(), "--password", password, "--peer", peer.toJid(),
                "--cafile", ca.toString(), "--timeout", Long.toString(WAIT.toSeconds()))
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> collect(process, lines), "slixmpp-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void collect(Process process, List<String> lines) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                LOG.info("slixmpp: {}", line);
                lines.add(line.strip());
            }
        } catch (IOException e) {
            LOG.debug("slixmpp output closed", e);
        }
    }
}
