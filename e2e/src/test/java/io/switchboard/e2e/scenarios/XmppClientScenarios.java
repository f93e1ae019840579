package io.switchboard.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;
import io.switchboard.xmpp.CertificateTrust;
import io.switchboard.xmpp.ReconnectPolicy;
import io.switchboard.xmpp.ServerEndpoint;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client scenarios every real XMPP server must pass through {@link XmppClientSession}.
 * Subclasses only say which server. Every test registers its own users, so tests do not
 * depend on each other's roster or offline storage.
 */
public abstract class XmppClientScenarios {

    protected static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger USERS = new AtomicInteger();
    private final List<XmppClientSession> sessions = new ArrayList<>();

    protected abstract XmppServerFixture server();

    @AfterEach
    void closeSessions() {
        sessions.forEach(XmppClientSession::close);
    }

    @Test
    void signsInWithThePinnedCertificateAndSignsOut() throws Exception {
        XmppAccount alice = newUser("alice");
        XmppClientSession session = session(alice);
        List<SessionState> states = new CopyOnWriteArrayList<>();
        session.addListener((state, cause) -> states.add(state));

        session.signIn();

        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(session.device()).isEqualTo("interop");
        session.signOut();
        await().atMost(WAIT).until(() -> states.equals(List.of(SessionState.CONNECTING, SessionState.CONNECTED,
                SessionState.SIGNED_OUT)));
    }

    @Test
    void wrongPasswordIsBadCredentials() throws Exception {
        XmppAccount alice = newUser("alice").withPassword("not-the-password".toCharArray());
        XmppClientSession session = session(alice);

        assertThatThrownBy(session::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.BAD_CREDENTIALS));
        assertThat(session.state()).isEqualTo(SessionState.FAILED);
    }

    @Test
    void untrustedCertificateShowsItsFingerprintAndWorksOncePinned() throws Exception {
        XmppAccount alice = newUser("alice").withTrust(CertificateTrust.system());

        assertThatThrownBy(session(alice)::signIn).isInstanceOfSatisfying(SignInException.class, e -> {
            assertThat(e.reason()).isEqualTo(SignInException.Reason.CERTIFICATE_UNTRUSTED);
            assertThat(e.certificateFingerprint()).contains(server().certificateFingerprint());
        });

        XmppClientSession pinned = session(alice.withTrust(CertificateTrust.pinned(server().certificateFingerprint())));
        pinned.signIn();
        assertThat(pinned.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void unreachableServerIsUnreachable() throws Exception {
        XmppAccount alice = newUser("alice").withServer(new ServerEndpoint("127.0.0.1", TestProcesses.freePort()));

        assertThatThrownBy(session(alice)::signIn).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE));
    }

    @Test
    void rosterAddRenameMoveRemove() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        Address bob = newUser("bob").user();

        alice.contacts().addContact(bob, "Bob", Set.of("Friends"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alice.contacts().contact(bob)).hasValueSatisfying(c -> {
            assertThat(c.displayName()).isEqualTo("Bob");
            assertThat(c.groups()).containsExactly("Friends");
            assertThat(c.awaitingApproval()).isTrue();
        }));

        alice.contacts().renameContact(bob, "Robert");
        alice.contacts().setGroups(bob, Set.of("Work", "Team"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alice.contacts().contact(bob)).hasValueSatisfying(c -> {
            assertThat(c.displayName()).isEqualTo("Robert");
            assertThat(c.groups()).containsExactlyInAnyOrder("Work", "Team");
        }));
        assertThat(alice.contacts().groups()).extracting(ContactGroup::name).containsExactly("Team", "Work");

        alice.contacts().removeContact(bob);
        await().atMost(WAIT).until(() -> alice.contacts().contact(bob).isEmpty());
    }

    @Test
    void subscriptionAcceptedBothWaysThenPresenceWithNotePropagates() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        XmppClientSession bob = signedIn(newUser("bob"));
        subscribeBothWays(alice, bob);

        bob.presence().setOwnPresence(Availability.ON_THE_PHONE, "call with Carol");

        await().atMost(WAIT).untilAsserted(() -> {
            var seen = alice.presence().presenceOf(bob.self());
            assertThat(seen.availability()).isEqualTo(Availability.ON_THE_PHONE);
            assertThat(seen.note()).isEqualTo("call with Carol");
            assertThat(seen.devices()).extracting(d -> d.deviceId()).containsExactly("interop");
        });
        bob.signOut();
        await().atMost(WAIT).until(() -> !alice.presence().presenceOf(bob.self()).isOnline());
    }

    @Test
    void aContactsPresenceIsAnnouncedOnlyWhenItChanges() throws Exception {
        XmppAccount aliceAccount = newUser("alice");
        XmppAccount bobAccount = newUser("bob");
        XmppClientSession alice = signedIn(aliceAccount);
        XmppClientSession bob = signedIn(bobAccount);
        subscribeBothWays(alice, bob);
        bob.signOut();
        alice.signOut();

        // signing in again, alice's server answers her probe of the offline bob (with an
        // unavailable presence, RFC 6121 4.3.2): that changes nothing and is not announced
        XmppClientSession again = session(aliceAccount);
        List<Availability> announced = new CopyOnWriteArrayList<>();
        List<Availability> contactUpdates = new CopyOnWriteArrayList<>();
        again.presence().addListener((contact, presence) -> {
            if (contact.equals(bobAccount.user())) {
                announced.add(presence.availability());
            }
        });
        again.contacts().addListener(new ContactListService.ContactListListener() {
            @Override
            public void contactUpdated(Contact contact) {
                if (contact.address().equals(bobAccount.user())) {
                    contactUpdates.add(contact.presence().availability());
                }
            }
        });
        again.signIn();
        XmppClientSession bobAgain = signedIn(bobAccount);
        await().atMost(WAIT).until(() -> again.presence().presenceOf(bobAccount.user()).isOnline());
        bobAgain.signOut();
        await().atMost(WAIT).until(() -> announced.size() >= 2);

        assertThat(announced).containsExactly(Availability.AVAILABLE, Availability.OFFLINE);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(contactUpdates).containsExactly(Availability.AVAILABLE, Availability.OFFLINE));
    }

    @Test
    void chatBothWaysWithDeliveryReceipts() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        XmppClientSession bob = signedIn(newUser("bob"));
        subscribeBothWays(alice, bob);
        List<ChatMessage> bobGot = record(bob.chat());
        List<ChatMessage> aliceGot = record(alice.chat());

        ChatMessage hello = alice.chat().send(bob.self(), "hello bob");
        assertThat(hello.delivery()).isEqualTo(DeliveryState.SENT);
        await().atMost(WAIT).until(() -> bobGot.stream().anyMatch(m -> m.body().equals("hello bob")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alice.chat().conversationWith(bob.self()).messages())
                .extracting(ChatMessage::delivery).containsExactly(DeliveryState.DELIVERED));

        ChatMessage incoming = bobGot.stream().filter(m -> m.body().equals("hello bob")).findFirst().orElseThrow();
        assertThat(incoming.thread()).isEqualTo(hello.thread());
        assertThat(incoming.delayed()).isFalse();
        ChatMessage reply = bob.chat().send(alice.self(), "hi alice");
        assertThat(reply.thread()).as("the thread is echoed").isEqualTo(hello.thread());
        await().atMost(WAIT).until(() -> aliceGot.stream().anyMatch(m -> m.body().equals("hi alice")));
        await().atMost(WAIT).until(() -> bob.chat().conversationWith(alice.self()).messages().stream()
                .anyMatch(m -> m.delivery() == DeliveryState.DELIVERED));
    }

    @Test
    void messageToOfflineUserIsDeliveredAtNextSignIn() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        XmppAccount carolAccount = newUser("carol");

        ChatMessage sent = alice.chat().send(carolAccount.user(), "while you were out");
        assertThat(sent.delivery()).isEqualTo(DeliveryState.QUEUED_OFFLINE);

        XmppClientSession carol = session(carolAccount);
        List<ChatMessage> carolGot = record(carol.chat());
        carol.signIn();
        await().atMost(WAIT).untilAsserted(() -> assertThat(carolGot).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("while you were out");
            assertThat(m.peer()).isEqualTo(alice.self());
            assertThat(m.delayed()).isTrue();
            assertThat(m.timestamp()).isBefore(java.time.Instant.now());
        }));
    }

    @Test
    void deniedRequestRevokesTheSubscription() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        XmppClientSession carol = signedIn(newUser("carol"));
        List<Address> revoked = new CopyOnWriteArrayList<>();
        alice.contacts().addListener(new ContactListService.ContactListListener() {
            @Override
            public void subscriptionRevoked(Address contact) {
                revoked.add(contact);
            }
        });

        alice.contacts().addContact(carol.self(), "Carol", Set.of());
        await().atMost(WAIT).until(() -> !carol.contacts().pendingRequests().isEmpty());
        assertThat(carol.contacts().pendingRequests()).extracting(SubscriptionRequest::from).containsExactly(alice.self());
        carol.contacts().denySubscription(alice.self());

        await().atMost(WAIT).until(() -> revoked.contains(carol.self()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alice.contacts().contact(carol.self()))
                .hasValueSatisfying(c -> {
                    assertThat(c.subscription()).isEqualTo(SubscriptionState.NONE);
                    assertThat(c.awaitingApproval()).isFalse();
                }));
        assertThat(carol.contacts().pendingRequests()).isEmpty();
    }

    @Test
    void chatStatesArriveOnTheSessionsEventThread() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        XmppClientSession bob = signedIn(newUser("bob"));
        subscribeBothWays(alice, bob);
        List<ChatState> states = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        bob.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void chatStateChanged(Address peer, ChatState state) {
                states.add(state);
                threads.add(Thread.currentThread().getName());
            }
        });

        alice.chat().sendChatState(bob.self(), ChatState.COMPOSING);
        alice.chat().sendChatState(bob.self(), ChatState.PAUSED);

        await().atMost(WAIT).until(() -> states.equals(List.of(ChatState.COMPOSING, ChatState.PAUSED)));
        assertThat(bob.chat().conversationWith(alice.self()).peerState()).isEqualTo(ChatState.PAUSED);
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("switchboard-xmpp-events-"));
    }

    @Test
    void reconnectsAfterAServerRestartAndPublishesPresenceAgain() throws Exception {
        ReconnectPolicy fast = new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2, () -> 0.5);
        XmppClientSession alice = session(newUser("alice"), fast);
        alice.signIn();
        XmppClientSession bob = session(newUser("bob"), fast);
        bob.signIn();
        subscribeBothWays(alice, bob);
        alice.presence().setOwnPresence(Availability.IN_A_MEETING, "stand-up");
        await().atMost(WAIT).until(() -> bob.presence().presenceOf(alice.self()).availability() == Availability.IN_A_MEETING);
        List<SessionState> states = new CopyOnWriteArrayList<>();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        alice.addListener(new SessionListener() {
            @Override
            public void stateChanged(SessionState state, Optional<ServiceException> cause) {
                states.add(state);
            }

            @Override
            public void reconnectScheduled(int attempt, Duration delay) {
                attempts.add(attempt);
            }
        });

        server().restart();

        Duration reconnect = Duration.ofSeconds(90);
        await().atMost(reconnect).until(() -> states.contains(SessionState.RECONNECTING)
                && alice.state() == SessionState.CONNECTED && bob.state() == SessionState.CONNECTED);
        assertThat(attempts).startsWith(1);
        await().atMost(WAIT).untilAsserted(() -> {
            var seen = bob.presence().presenceOf(alice.self());
            assertThat(seen.availability()).isEqualTo(Availability.IN_A_MEETING);
            assertThat(seen.note()).isEqualTo("stand-up");
        });
        assertThat(alice.contacts().contact(bob.self())).isPresent();
    }

    protected void subscribeBothWays(XmppClientSession alice, XmppClientSession bob) throws Exception {
        alice.contacts().addContact(bob.self(), "Bob", Set.of());
        await().atMost(WAIT).until(() -> bob.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(alice.self())));
        bob.contacts().acceptSubscription(alice.self());
        await().atMost(WAIT).until(() -> alice.contacts().pendingRequests().stream()
                .anyMatch(r -> r.from().equals(bob.self())));
        alice.contacts().acceptSubscription(bob.self());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(alice.contacts().contact(bob.self()).map(Contact::subscription)).contains(SubscriptionState.BOTH);
            assertThat(bob.contacts().contact(alice.self()).map(Contact::subscription)).contains(SubscriptionState.BOTH);
            assertThat(alice.presence().presenceOf(bob.self()).availability()).isEqualTo(Availability.AVAILABLE);
            assertThat(bob.presence().presenceOf(alice.self()).availability()).isEqualTo(Availability.AVAILABLE);
        });
        assertThat(bob.contacts().pendingRequests()).isEmpty();
    }

    protected static List<ChatMessage> record(ChatService chat) {
        List<ChatMessage> received = new CopyOnWriteArrayList<>();
        chat.addListener(new ChatService.ChatListener() {
            @Override
            public void messageReceived(ChatMessage message) {
                received.add(message);
            }
        });
        return received;
    }

    protected XmppAccount newUser(String prefix) throws Exception {
        String name = prefix + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        Address user = server().register(name, "pw-" + name);
        return new XmppAccount(user, ("pw-" + name).toCharArray(), server().domain(),
                Optional.of(new ServerEndpoint("127.0.0.1", server().c2sPort())), "interop", 0,
                CertificateTrust.pinned(server().certificateFingerprint()), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    protected XmppClientSession session(XmppAccount account) {
        return session(account, ReconnectPolicy.standard());
    }

    protected XmppClientSession session(XmppAccount account, ReconnectPolicy policy) {
        XmppClientSession session = new XmppClientSession(account, policy, java.time.Clock.systemUTC());
        sessions.add(session);
        return session;
    }

    protected XmppClientSession signedIn(XmppAccount account) throws Exception {
        XmppClientSession session = session(account);
        session.signIn();
        return session;
    }
}
