package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.Presence;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.e2e.interop.sip.KamailioFixture.User;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's SIP account (core's ClientSession over our SIP user agent) against a real
 * Kamailio with registrar, auth_db, presence and presence_xml, which challenges every request
 * of its users: sign-in by REGISTER with digest, a wrong password, presence both ways through
 * Kamailio's presence server (PUBLISH, SUBSCRIBE/NOTIFY), pager-mode MESSAGE, sign-out.
 */
class SipClientKamailioInteropIT {

    private static final String DOMAIN = "kamailio.interop.test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Address ALICE = Address.of("alice", DOMAIN);
    private static final Address BOB = Address.of("bob", DOMAIN);

    @RegisterExtension
    static final KamailioFixture KAMAILIO = new KamailioFixture(KamailioFixture.Config.of(DOMAIN, true,
            new User("alice", "secret-a"), new User("bob", "secret-b")));

    private final SipStackFactory stacks = new SipStackFactory();
    private final List<SipClientSession> sessions = new ArrayList<>();

    @AfterEach
    void signOut() {
        sessions.forEach(SipClientSession::close);
    }

    @Test
    void signsInWithDigestAndOutAgainOverUdpAndTcp() throws Exception {
        SipClientSession alice = session(ALICE, KAMAILIO.password("alice"), SipTransport.UDP);
        SipClientSession bob = session(BOB, KAMAILIO.password("bob"), SipTransport.TCP);

        alice.signIn();
        bob.signIn();

        assertThat(alice.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(bob.state()).isEqualTo(SessionState.CONNECTED);
        alice.signOut();
        assertThat(alice.state()).isEqualTo(SessionState.SIGNED_OUT);
    }

    @Test
    void aWrongPasswordIsReportedAsWrongCredentials() throws Exception {
        SipClientSession alice = session(ALICE, "not-the-password", SipTransport.UDP);

        assertThatThrownBy(alice::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
    }

    @Test
    void presenceGoesBothWaysThroughKamailiosPresenceServer() throws Exception {
        SipClientSession alice = session(ALICE, KAMAILIO.password("alice"), SipTransport.UDP);
        SipClientSession bob = session(BOB, KAMAILIO.password("bob"), SipTransport.TCP);
        Map<Address, Presence> aliceSees = new ConcurrentHashMap<>();
        Map<Address, Presence> bobSees = new ConcurrentHashMap<>();
        alice.presence().addListener(aliceSees::put);
        bob.presence().addListener(bobSees::put);
        bob.presence().setOwnPresence(Availability.BUSY, "in the lab");
        alice.signIn();
        bob.signIn();

        alice.contacts().addContact(BOB, "Bob", Set.of("Lab"));
        bob.contacts().addContact(ALICE, "Alice", Set.of("Lab"));

        await().atMost(WAIT).until(() -> availabilityOf(aliceSees, BOB) == Availability.BUSY);
        assertThat(aliceSees.get(BOB).note()).isEqualTo("in the lab");
        await().atMost(WAIT).until(() -> availabilityOf(bobSees, ALICE) == Availability.AVAILABLE);

        alice.presence().setOwnPresence(Availability.AWAY, "back soon");
        await().atMost(WAIT).until(() -> availabilityOf(bobSees, ALICE) == Availability.AWAY);
        assertThat(bobSees.get(ALICE).note()).isEqualTo("back soon");

        // signing out removes the publication: the watcher sees the contact go offline
        alice.signOut();
        await().atMost(WAIT).until(() -> availabilityOf(bobSees, ALICE) == Availability.OFFLINE);
    }

    @Test
    void messagesAreRelayedByKamailioAndReportedDelivered() throws Exception {
        SipClientSession alice = session(ALICE, KAMAILIO.password("alice"), SipTransport.TCP);
        SipClientSession bob = session(BOB, KAMAILIO.password("bob"), SipTransport.UDP);
        List<ChatMessage> bobInbox = new CopyOnWriteArrayList<>();
        List<ChatMessage> aliceUpdates = new CopyOnWriteArrayList<>();
        bob.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void messageReceived(ChatMessage message) {
                bobInbox.add(message);
            }
        });
        alice.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void messageUpdated(ChatMessage message) {
                aliceUpdates.add(message);
            }
        });
        alice.signIn();
        bob.signIn();

        ChatMessage sent = alice.chat().send(BOB, "Kamailio says hi — ünïcödé too");

        await().atMost(WAIT).until(() -> bobInbox.size() == 1);
        assertThat(bobInbox.get(0).body()).isEqualTo("Kamailio says hi — ünïcödé too");
        assertThat(bobInbox.get(0).peer()).isEqualTo(ALICE);
        await().atMost(WAIT).until(() -> aliceUpdates.stream().anyMatch(m -> m.id().equals(sent.id())
                && m.delivery() == DeliveryState.DELIVERED));
    }

    private static Availability availabilityOf(Map<Address, Presence> seen, Address who) {
        Presence p = seen.get(who);
        return p == null ? null : p.availability();
    }

    private SipClientSession session(Address address, String password, SipTransport transport) throws Exception {
        SipProxy proxy = new SipProxy("127.0.0.1", KAMAILIO.port(), transport);
        SipClientSession session = new SipClientSession(stacks, SipAccount.of(address, password, proxy),
                SipUserAgentSettings.defaults(), Clock.systemUTC());
        sessions.add(session);
        return session;
    }
}
