package io.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session without any XMPP server: what it does when there is nobody to talk to. */
class XmppClientSessionTest {

    private static final Address ALICE = Address.of("alice", "example.test");
    private XmppClientSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void refusedConnectionFailsAsUnreachableAndReportsOnTheEventThread() throws Exception {
        session = new XmppClientSession(account(closedPort()));
        List<SessionState> states = new CopyOnWriteArrayList<>();
        List<Optional<ServiceException>> causes = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        session.addListener((state, cause) -> {
            states.add(state);
            causes.add(cause);
            threads.add(Thread.currentThread().getName());
        });

        assertThatThrownBy(session::signIn).isInstanceOfSatisfying(SignInException.class, e -> {
            assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE);
            assertThat(e.getMessage()).contains("cannot be reached");
        });

        assertThat(session.state()).isEqualTo(SessionState.FAILED);
        await().atMost(Duration.ofSeconds(5)).until(() -> states.size() == 2);
        assertThat(states).containsExactly(SessionState.CONNECTING, SessionState.FAILED);
        assertThat(causes.get(1)).containsInstanceOf(SignInException.class);
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("switchboard-xmpp-events-"));
        assertThat(session.device()).isEmpty();
    }

    @Test
    void ownPresenceChosenBeforeSignInIsKeptForIt() throws Exception {
        session = new XmppClientSession(account(closedPort()));

        session.presence().setOwnPresence(Availability.IN_A_MEETING, "planning");

        assertThat(session.presence().ownPresence().availability()).isEqualTo(Availability.IN_A_MEETING);
        assertThat(session.presence().ownPresence().note()).isEqualTo("planning");
        assertThatThrownBy(() -> session.presence().setOwnPresence(Availability.OFFLINE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendingWhileSignedOutFailsAndMarksTheMessage() throws Exception {
        session = new XmppClientSession(account(closedPort()));
        Address bob = Address.of("bob", "example.test");

        assertThatThrownBy(() -> session.chat().send(bob, "hi")).isInstanceOf(NotConnectedException.class);

        assertThat(session.chat().conversationWith(bob).messages()).singleElement()
                .satisfies(m -> assertThat(m.delivery()).isEqualTo(DeliveryState.FAILED));
        assertThat(session.presence().presenceOf(bob).isOnline()).isFalse();
    }

    @Test
    void signOutWhenNeverSignedInStaysSignedOut() throws Exception {
        session = new XmppClientSession(account(closedPort()));
        session.signOut();
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_OUT);
    }

    @Test
    void accountNeverPrintsThePassword() throws Exception {
        assertThat(account(5222).toString()).doesNotContain("secret").contains("alice@example.test");
    }

    private static XmppAccount account(int port) {
        return XmppAccount.of(ALICE, "secret".toCharArray())
                .withServer(new ServerEndpoint("127.0.0.1", port))
                .withTrust(CertificateTrust.pinned("00".repeat(32)));
    }

    /** A loopback port nobody listens on any more. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
