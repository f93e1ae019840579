package io.switchboard.sip.client;

import static io.switchboard.sip.ua.UserAgentFixture.ALICE;
import static io.switchboard.sip.ua.UserAgentFixture.BOB;
import static io.switchboard.sip.ua.UserAgentFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.testpeer.TestSipServer;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.UserAgentFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** core's ClientSession over SIP, two real sessions against the real JAIN-SIP test server. */
class SipClientSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final UserAgentFixture fixture = new UserAgentFixture();
    private final SipStackFactory stacks = new SipStackFactory();
    private final List<SipClientSession> sessions = new ArrayList<>();
    private TestSipServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = fixture.server("cups");
        server.pager().setRelay(true);
    }

    @AfterEach
    void close() {
        sessions.forEach(SipClientSession::close);
        fixture.close();
    }

    @Test
    void signInRegistersAndPublishesAndSignOutUndoesBoth() throws Exception {
        SipClientSession alice = session(ALICE, PASSWORD, server.proxy(SipTransport.TCP));
        List<SessionState> states = new CopyOnWriteArrayList<>();
        alice.addListener((state, cause) -> states.add(state));

        alice.signIn();

        assertThat(alice.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(server.registrar().binding(ALICE)).isPresent();
        await().atMost(WAIT).until(() -> server.presence().publication(ALICE).isPresent());

        alice.signOut();

        assertThat(server.registrar().binding(ALICE)).isEmpty();
        assertThat(server.presence().publication(ALICE)).isEmpty();
        await().atMost(WAIT).until(() -> states.equals(List.of(SessionState.CONNECTING, SessionState.CONNECTED,
                SessionState.SIGNED_OUT)));
    }

    @Test
    void aWrongPasswordIsBadCredentials() throws Exception {
        SipClientSession alice = session(ALICE, "nope", server.proxy(SipTransport.UDP));

        assertThatThrownBy(alice::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
        assertThat(alice.state()).isEqualTo(SessionState.FAILED);
    }

    @Test
    void aSilentServerIsUnreachable() throws Exception {
        server.setSilent(true);
        SipClientSession alice = session(ALICE, PASSWORD, server.proxy(SipTransport.UDP));

        assertThatThrownBy(alice::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE));
    }

    @Test
    void aContactsPresenceArrivesAndFollowsTheirChanges() throws Exception {
        SipClientSession alice = session(ALICE, PASSWORD, server.proxy(SipTransport.UDP));
        SipClientSession bob = session(BOB, PASSWORD, server.proxy(SipTransport.TCP));
        Map<Address, Presence> seen = new ConcurrentHashMap<>();
        alice.presence().addListener(seen::put);
        bob.presence().setOwnPresence(Availability.BUSY, "on a deadline");
        bob.signIn();
        alice.signIn();

        alice.contacts().addContact(BOB, "Bob", Set.of("Team"));

        await().atMost(WAIT).until(() -> seen.containsKey(BOB) && seen.get(BOB).availability() == Availability.BUSY);
        assertThat(alice.presence().presenceOf(BOB).note()).isEqualTo("on a deadline");
        await().atMost(WAIT).until(() -> alice.contacts().contact(BOB).orElseThrow().subscription() == SubscriptionState.TO);
        assertThat(alice.contacts().groups()).extracting(g -> g.name()).containsExactly("Team");

        bob.presence().setOwnPresence(Availability.AWAY, "");
        await().atMost(WAIT).until(() -> alice.presence().presenceOf(BOB).availability() == Availability.AWAY);
        assertThat(alice.contacts().contact(BOB).orElseThrow().presence().availability()).isEqualTo(Availability.AWAY);
    }

    @Test
    void chatMessagesAreDeliveredBothWaysAndFailuresReported() throws Exception {
        SipClientSession alice = session(ALICE, PASSWORD, server.proxy(SipTransport.UDP));
        SipClientSession bob = session(BOB, PASSWORD, server.proxy(SipTransport.TCP));
        List<ChatMessage> aliceUpdates = new CopyOnWriteArrayList<>();
        List<ChatMessage> bobInbox = new CopyOnWriteArrayList<>();
        alice.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void messageUpdated(ChatMessage message) {
                aliceUpdates.add(message);
            }
        });
        bob.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void messageReceived(ChatMessage message) {
                bobInbox.add(message);
            }
        });
        assertThatThrownBy(() -> alice.chat().send(BOB, "too early")).isInstanceOf(NotConnectedException.class);
        alice.signIn();
        bob.signIn();

        ChatMessage sent = alice.chat().send(BOB, "Lunch at noon?");

        assertThat(sent.delivery()).isEqualTo(DeliveryState.SENT);
        await().atMost(WAIT).until(() -> bobInbox.size() == 1);
        assertThat(bobInbox.get(0).body()).isEqualTo("Lunch at noon?");
        assertThat(bobInbox.get(0).peer()).isEqualTo(ALICE);
        assertThat(bob.chat().conversationWith(ALICE).messages()).hasSize(1);
        await().atMost(WAIT).until(() -> aliceUpdates.stream().anyMatch(m -> m.id().equals(sent.id())
                && m.delivery() == DeliveryState.DELIVERED));

        ChatMessage lost = alice.chat().send(Address.of("carol", UserAgentFixture.DOMAIN), "are you there?");
        await().atMost(WAIT).until(() -> aliceUpdates.stream().anyMatch(m -> m.id().equals(lost.id())
                && m.delivery() == DeliveryState.FAILED && m.error().startsWith("480")));
    }

    @Test
    void typingReachesThePeerAsIsComposingWithoutFlooding() throws Exception {
        SipClientSession alice = session(ALICE, PASSWORD, server.proxy(SipTransport.UDP));
        SipClientSession bob = session(BOB, PASSWORD, server.proxy(SipTransport.UDP));
        List<ChatState> bobSees = new CopyOnWriteArrayList<>();
        bob.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void chatStateChanged(Address peer, ChatState state) {
                if (peer.equals(ALICE)) {
                    bobSees.add(state);
                }
            }
        });
        alice.signIn();
        bob.signIn();

        for (int keystroke = 0; keystroke < 20; keystroke++) {
            alice.chat().sendChatState(BOB, ChatState.COMPOSING);
        }
        await().atMost(WAIT).until(() -> bobSees.contains(ChatState.COMPOSING));
        assertThat(bob.chat().conversationWith(ALICE).peerState()).isEqualTo(ChatState.COMPOSING);
        alice.chat().sendChatState(BOB, ChatState.PAUSED);
        await().atMost(WAIT).until(() -> bobSees.contains(ChatState.PAUSED));

        assertThat(bobSees).containsExactly(ChatState.COMPOSING, ChatState.PAUSED);
        assertThat(server.pager().received()).filteredOn(m -> m.contentType().startsWith("application/im-iscomposing+xml"))
                .hasSize(2);
    }

    @Test
    void losingTheOnlyProxyReconnectsByItself() throws Exception {
        server.registrar().setMaxExpires(2);
        SipClientSession alice = session(ALICE, PASSWORD, server.proxy(SipTransport.UDP));
        List<SessionState> states = new CopyOnWriteArrayList<>();
        alice.addListener((state, cause) -> states.add(state));
        alice.signIn();

        server.answerNext("REGISTER", 503, 2);

        await().atMost(WAIT).until(() -> states.contains(SessionState.RECONNECTING));
        await().atMost(WAIT).until(() -> alice.state() == SessionState.CONNECTED
                && states.lastIndexOf(SessionState.CONNECTED) > states.indexOf(SessionState.RECONNECTING));
    }

    @Test
    void publicationAndSubscriptionsFollowTheRegistrationToTheBackupAndBack() throws Exception {
        TestSipServer backup = fixture.server("backup");
        server.registrar().setMaxExpires(2); // the refresh meets the dead primary within a second
        SipClientSession alice = new SipClientSession(stacks, SipAccount.of(ALICE, PASSWORD,
                server.proxy(SipTransport.UDP)).withBackup(backup.proxy(SipTransport.UDP)),
                UserAgentFixture.fastSettings(), Clock.systemUTC());
        sessions.add(alice);
        alice.presence().setOwnPresence(Availability.IN_A_MEETING, "standup");
        alice.signIn();
        alice.contacts().addContact(BOB, "Bob", Set.of());
        await().atMost(WAIT).until(() -> server.presence().publication(ALICE).isPresent()
                && watches(server, BOB) && watchesWatchers(server));
        // the backup's presence server knows bob differently: seeing that proves the new subscription
        backup.presence().setPresence(BOB, pidf(BOB, Availability.ON_THE_PHONE, "via the backup"));

        server.setSilent(true);

        await().atMost(WAIT).until(() -> alice.userAgent().currentProxy().equals(backup.proxy(SipTransport.UDP)));
        await().atMost(WAIT).until(() -> backup.presence().publication(ALICE).isPresent() && watches(backup, BOB)
                && watchesWatchers(backup));
        await().atMost(WAIT).until(() -> alice.presence().presenceOf(BOB).note().equals("via the backup"));
        assertThat(new String(backup.presence().publication(ALICE).orElseThrow().body(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("standup");
        assertThat(alice.state()).isEqualTo(SessionState.CONNECTED);

        // the primary comes back: failback moves everything home and cleans up at the backup
        int subscribesBefore = server.received("SUBSCRIBE").size();
        server.setSilent(false);
        server.presence().setPresence(BOB, pidf(BOB, Availability.AWAY, "home again"));

        await().atMost(WAIT).until(() -> alice.userAgent().currentProxy().equals(server.proxy(SipTransport.UDP)));
        await().atMost(WAIT).until(() -> alice.presence().presenceOf(BOB).note().equals("home again"));
        assertThat(server.received("SUBSCRIBE").size()).isGreaterThan(subscribesBefore);
        await().atMost(WAIT).until(() -> backup.presence().publication(ALICE).isEmpty() && !watches(backup, BOB)
                && !watchesWatchers(backup));
        assertThat(server.received("SUBSCRIBE").stream()
                .filter(r -> r.getHeader("Event").toString().contains("presence.winfo")).count()).isGreaterThan(1);
    }

    @Test
    void watchersAwaitingApprovalAreShownAsSubscriptionRequests() throws Exception {
        server.presence().holdPending(ALICE);
        // an XCAP root where nothing listens: answering from this client cannot reach its rules
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        java.net.URI nowhere = java.net.URI.create("http://127.0.0.1:" + closedPort + "/xcap-root");
        SipClientSession alice = new SipClientSession(stacks, SipAccount.of(ALICE, PASSWORD,
                server.proxy(SipTransport.UDP)).withXcapRoot(nowhere), UserAgentFixture.fastSettings(), Clock.systemUTC());
        sessions.add(alice);
        SipClientSession bob = session(BOB, PASSWORD, server.proxy(SipTransport.TCP));
        List<Address> asked = new CopyOnWriteArrayList<>();
        List<Address> settled = new CopyOnWriteArrayList<>();
        alice.contacts().addListener(new io.switchboard.core.service.ContactListService.ContactListListener() {
            @Override
            public void subscriptionRequested(io.switchboard.core.model.SubscriptionRequest request) {
                asked.add(request.from());
            }

            @Override
            public void subscriptionRequestSettled(Address from) {
                settled.add(from);
            }
        });
        alice.signIn();
        await().atMost(WAIT).until(() -> watchesWatchers(server));
        assertThat(alice.contacts().pendingRequests()).isEmpty();

        bob.signIn();
        bob.contacts().addContact(ALICE, "Alice", Set.of());

        await().atMost(WAIT).until(() -> alice.contacts().pendingRequests().stream().anyMatch(r -> r.from().equals(BOB)));
        await().atMost(WAIT).until(() -> asked.equals(List.of(BOB)));
        assertThatThrownBy(() -> alice.contacts().acceptSubscription(BOB))
                .isInstanceOf(io.switchboard.core.service.ServiceException.class)
                .hasMessageContaining("Could not accept " + BOB)
                .hasMessageContaining("Cannot reach the presence rules server (XCAP) at " + nowhere);
        assertThat(alice.contacts().pendingRequests()).extracting(r -> r.from()).containsExactly(BOB);

        // approved elsewhere (the server's own rules): the request is answered and goes
        server.presence().authorize(ALICE);
        await().atMost(WAIT).until(() -> alice.contacts().pendingRequests().isEmpty());
        assertThat(asked).containsExactly(BOB);
        await().atMost(WAIT).until(() -> settled.equals(List.of(BOB)));

        alice.signOut();
        await().atMost(WAIT).until(() -> !watchesWatchers(server));
    }

    private static boolean watchesWatchers(TestSipServer server) {
        return server.presence().winfoSubscriptions().stream().anyMatch(s -> s.watcher().equals(ALICE));
    }

    private static boolean watches(TestSipServer server, Address target) {
        return server.presence().subscriptions().stream()
                .anyMatch(s -> s.watcher().equals(ALICE) && s.target().equals(target));
    }

    private static String pidf(Address who, Availability availability, String note) {
        var mapping = new io.switchboard.sip.presence.pidf.PidfAvailabilityMapping();
        Presence presence = new Presence(availability, note,
                List.of(io.switchboard.core.model.DevicePresence.of("desk", availability, note)), Set.of());
        return new String(new io.switchboard.sip.presence.pidf.PidfWriter().write(
                mapping.toPidf(who.toSipUri(), presence, java.time.Instant.now())), java.nio.charset.StandardCharsets.UTF_8);
    }

    private SipClientSession session(Address address, String password, SipProxy proxy) throws Exception {
        SipClientSession session = new SipClientSession(stacks, SipAccount.of(address, password, proxy),
                UserAgentFixture.fastSettings(), Clock.systemUTC());
        sessions.add(session);
        return session;
    }
}
