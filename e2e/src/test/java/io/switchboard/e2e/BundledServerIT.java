package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.e2e.scenarios.XmppClientScenarios;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import io.switchboard.xmpp.XmppAccount;
import io.switchboard.xmpp.XmppClientSession;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled server end to end: every client scenario the real Prosody and ejabberd pass
 * (inherited), plus what only our server promises — presence composed across a user's
 * devices, Cisco's IM forking rule, and storage that survives a restart.
 */
class BundledServerIT extends XmppClientScenarios {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @Override
    protected XmppServerFixture server() {
        return SERVER;
    }

    @Test
    void aSecondDeviceChangesTheComposedPresenceAsTheRuleSays() throws Exception {
        XmppAccount aliceAccount = newUser("alice");
        XmppClientSession laptop = signedIn(aliceAccount.withResource("laptop", 1));
        XmppClientSession bob = signedIn(newUser("bob"));
        subscribeBothWays(laptop, bob);
        Address alice = laptop.self();

        XmppClientSession mobile = signedIn(aliceAccount.withResource("mobile", 0));
        mobile.presence().setOwnPresence(Availability.AWAY, "on the train");
        await().atMost(WAIT).untilAsserted(() -> {
            var seen = bob.presence().presenceOf(alice);
            assertThat(seen.devices()).extracting(DevicePresence::deviceId).containsExactlyInAnyOrder("laptop", "mobile");
            assertThat(seen.availability()).as("the most communicative device speaks").isEqualTo(Availability.AVAILABLE);
        });

        mobile.presence().setOwnPresence(Availability.DO_NOT_DISTURB, "presenting");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(bob.presence().presenceOf(alice).availability()).as("DND beats everything")
                    .isEqualTo(Availability.DO_NOT_DISTURB);
            assertThat(bob.presence().presenceOf(alice).note()).isEqualTo("presenting");
            assertThat(SERVER.server().presenceEngine().composedPresence(alice).availability())
                    .as("the server composes with the same rule").isEqualTo(Availability.DO_NOT_DISTURB);
        });

        mobile.presence().setOwnPresence(Availability.BUSY, "writing");
        laptop.signOut();
        await().atMost(WAIT).untilAsserted(() -> {
            var seen = bob.presence().presenceOf(alice);
            assertThat(seen.availability()).isEqualTo(Availability.BUSY);
            assertThat(seen.devices()).extracting(DevicePresence::deviceId).containsExactly("mobile");
        });

        mobile.signOut();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(bob.presence().presenceOf(alice).availability()).as("offline only when no device is online")
                    .isEqualTo(Availability.OFFLINE);
            assertThat(SERVER.server().presenceEngine().composedPresence(alice).isOnline()).isFalse();
        });
    }

    @Test
    void aMessageToTheBareAddressForksToEveryDeviceUntilOneReplies() throws Exception {
        XmppClientSession alice = signedIn(newUser("alice"));
        XmppAccount bobAccount = newUser("bob");
        XmppClientSession desk = signedIn(bobAccount.withResource("desk", 0));
        subscribeBothWays(alice, desk);
        XmppClientSession mobile = signedIn(bobAccount.withResource("mobile", 0));
        List<ChatMessage> atDesk = record(desk.chat());
        List<ChatMessage> atMobile = record(mobile.chat());
        List<ChatMessage> atAlice = record(alice.chat());
        await().atMost(WAIT).untilAsserted(() -> assertThat(alice.presence().presenceOf(desk.self()).devices())
                .extracting(DevicePresence::deviceId).containsExactlyInAnyOrder("desk", "mobile"));

        alice.chat().send(desk.self(), "who is there?");
        await().atMost(WAIT).until(() -> hasBody(atDesk, "who is there?") && hasBody(atMobile, "who is there?"));

        mobile.chat().send(alice.self(), "me, on my phone");
        await().atMost(WAIT).until(() -> hasBody(atAlice, "me, on my phone"));
        assertThat(atAlice).filteredOn(m -> m.body().equals("me, on my phone"))
                .extracting(ChatMessage::device).containsExactly("mobile");

        alice.chat().send(desk.self(), "great, just you then");
        await().atMost(WAIT).until(() -> hasBody(atMobile, "great, just you then"));
        // a presence change of the locked device unlocks the conversation again
        mobile.presence().setOwnPresence(Availability.AWAY, "");
        await().atMost(WAIT).until(() -> alice.presence().presenceOf(desk.self()).devices().stream()
                        .anyMatch(d -> d.deviceId().equals("mobile") && d.availability() == Availability.AWAY));
        alice.chat().send(desk.self(), "anyone again?");
        await().atMost(WAIT).until(() -> hasBody(atDesk, "anyone again?") && hasBody(atMobile, "anyone again?"));
        // messages from one sender arrive in order, so the desk has seen everything sent before
        assertThat(atDesk).extracting(ChatMessage::body).as("locked to the mobile, the desk was left out")
                .doesNotContain("great, just you then");
    }

    @Test
    void offlineMessagesAndPendingRequestsSurviveAServerRestart() throws Exception {
        XmppAccount aliceAccount = newUser("alice");
        XmppClientSession alice = signedIn(aliceAccount);
        XmppAccount carolAccount = newUser("carol");
        alice.contacts().addContact(carolAccount.user(), "Carol", Set.of("Team"));
        ChatMessage sent = alice.chat().send(carolAccount.user(), "see you after the restart");
        assertThat(sent.delivery()).isEqualTo(DeliveryState.QUEUED_OFFLINE);
        alice.signOut();

        SERVER.restart();

        XmppClientSession carol = session(carolAccount);
        List<ChatMessage> carolGot = record(carol.chat());
        carol.signIn();
        await().atMost(WAIT).untilAsserted(() -> assertThat(carolGot).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("see you after the restart");
            assertThat(m.delayed()).isTrue();
        }));
        await().atMost(WAIT).untilAsserted(() -> assertThat(carol.contacts().pendingRequests())
                .extracting(SubscriptionRequest::from).containsExactly(alice.self()));

        carol.contacts().acceptSubscription(alice.self());   // also asks alice back, while alice is offline
        XmppClientSession aliceAgain = session(aliceAccount);
        aliceAgain.signIn();
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceAgain.contacts().pendingRequests())
                .extracting(SubscriptionRequest::from).containsExactly(carol.self()));
        aliceAgain.contacts().acceptSubscription(carol.self());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(aliceAgain.contacts().contact(carol.self()).map(Contact::subscription)).contains(SubscriptionState.BOTH);
            assertThat(aliceAgain.contacts().contact(carol.self()).map(Contact::groups)).contains(Set.of("Team"));
            assertThat(aliceAgain.presence().presenceOf(carol.self()).availability()).isEqualTo(Availability.AVAILABLE);
            assertThat(carol.presence().presenceOf(aliceAgain.self()).availability()).isEqualTo(Availability.AVAILABLE);
        });
    }

    private static boolean hasBody(List<ChatMessage> messages, String body) {
        return messages.stream().anyMatch(m -> m.body().equals(body));
    }
}
