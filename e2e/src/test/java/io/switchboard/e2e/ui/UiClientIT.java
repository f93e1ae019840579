package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.controls.Message;
import io.switchboard.app.chat.MessageViewModel;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.core.service.ChatService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.xmpp.XmppClientSession;
import io.switchboard.core.tls.CertificateFingerprint;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real desktop client, composed as {@code Main} composes it, driven through its windows by
 * TestFX (headless Monocle) against the bundled server running in-process; the other person is a
 * plain Smack session. Each test has its own users and its own settings directory.
 */
class UiClientIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    Path home;

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @Test
    void signsInAfterTheUserTrustsTheShownCertificateAndShowsTheBuddyList() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        Rosters.befriend(SERVER, alice, "Alice", bob, "Bob", "Team");
        launchFresh(home);

        typeCredentials(alice, password(alice));
        robot.clickOn("#signIn");

        await().atMost(WAIT).until(() -> fx(() -> shown(robot.lookup("#trust").query())));
        String shownFingerprint = fx(() -> robot.lookup("#fingerprint").queryTextInputControl().getText());
        assertThat(CertificateFingerprint.normalise(shownFingerprint))
                .isEqualTo(CertificateFingerprint.normalise(SERVER.certificateFingerprint()));
        assertThat(fx(() -> robot.lookup("#error").<Message>query().getDescription())).contains("is not trusted");

        robot.clickOn("#trust");

        awaitMainWindow(alice);
        awaitRow(bob, "grey", Availability.OFFLINE.label());
        assertThat(rows()).extracting(Object::toString).anySatisfy(r -> assertThat(r).contains("Team"));
    }

    @Test
    void aContactsPresenceChangeShowsItsColourAndWord() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        Rosters.befriend(SERVER, alice, "Alice", bob, "Bob", "Team");
        launchForBundledServer(home);
        signInThroughUi(alice);
        XmppClientSession bobSession = peer(bob);
        awaitRow(bob, "green", "Available");

        bobSession.presence().setOwnPresence(Availability.BUSY, "in a call");
        awaitRow(bob, "red", "Busy");
        assertThat(row(bob)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("Busy · in a call"));

        bobSession.presence().setOwnPresence(Availability.AWAY, "");
        awaitRow(bob, "yellow", "Away");

        bobSession.presence().setOwnPresence(Availability.IN_A_MEETING, "");
        awaitRow(bob, "yellow", "In a meeting");

        bobSession.signOut();
        awaitRow(bob, "grey", "Offline");
    }

    @Test
    void addsAContactThroughTheDialogAndSeesThemOnlineOnceTheyAccept() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        launchForBundledServer(home);
        signInThroughUi(alice);
        XmppClientSession bobSession = peer(bob);

        robot.clickOn("#buddy-add");
        robot.clickOn("#add-contact-address").write(bob.toString());
        robot.clickOn(dialogButton("Add"));

        awaitRow(bob, "grey", "Waiting for approval");
        await().atMost(WAIT).until(() -> bobSession.contacts().pendingRequests().stream()
                .map(SubscriptionRequest::from).anyMatch(alice::equals));
        bobSession.contacts().acceptSubscription(alice);

        awaitRow(bob, "green", "Available");

        // accepting also asked for alice's presence: she answers in the request notice of her buddy list
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".subscription-request .button")
                .match(n -> ("Accept " + bob).equals(n.getAccessibleText())).tryQuery().isPresent()));
        robot.clickOn(robot.lookup(".subscription-request .button")
                .match(n -> ("Accept " + bob).equals(n.getAccessibleText())).<Node>query());
        await().atMost(WAIT).untilAsserted(() -> assertThat(bobSession.contacts().contact(alice)
                .map(Contact::subscription)).contains(SubscriptionState.BOTH));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".subscription-request").tryQuery().isEmpty()));
    }

    @Test
    void sendsAMessageWithEnterAndShowsTheReply() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        Rosters.befriend(SERVER, alice, "Alice", bob, "Bob", "Team");
        launchForBundledServer(home);
        signInThroughUi(alice);
        XmppClientSession bobSession = peer(bob);
        List<ChatMessage> bobGot = received(bobSession);
        awaitRow(bob, "green", "Available");

        robot.doubleClickOn(fx(() -> cell(bob).orElseThrow()));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".chat-input").tryQuery().map(UiTestSupport::shown)
                .orElse(false)));
        robot.clickOn(".chat-input").write("hello bob");
        robot.type(KeyCode.ENTER);

        await().atMost(WAIT).until(() -> bobGot.stream().anyMatch(m -> m.body().equals("hello bob")
                && m.peer().equals(alice)));
        assertThat(fx(() -> robot.lookup(".chat-input").queryTextInputControl().getText()))
                .as("Enter sent the text and cleared the input").isEmpty();

        bobSession.chat().send(alice, "hi alice");

        await().atMost(WAIT).untilAsserted(() -> assertThat(fx(this::chatMessages))
                .anySatisfy(m -> {
                    assertThat(m.body()).isEqualTo("hi alice");
                    assertThat(m.isIncoming()).isTrue();
                })
                .anySatisfy(m -> {
                    assertThat(m.body()).isEqualTo("hello bob");
                    assertThat(m.isIncoming()).isFalse();
                }));
    }

    @Test
    void aWrongPasswordSaysSoInTheSignInWindow() throws Exception {
        Address alice = newUser("alice");
        launchForBundledServer(home);

        typeCredentials(alice, "not-the-password");
        robot.clickOn("#signIn");

        await().atMost(WAIT).until(() -> fx(() -> shown(robot.lookup("#error").query())));
        assertThat(fx(() -> robot.lookup("#error").<Message>query().getDescription()))
                .isEqualTo("Wrong user name or password. Check both and try again.");
        assertThat(fx(() -> robot.lookup("#buddy-list").tryQuery())).isEmpty();
        assertThat(fx(() -> robot.lookup("#signIn").<Button>query().isDisabled()))
                .as("the user can correct the password and try again").isFalse();
    }

    @Test
    void showsTheReconnectingBannerWhileTheServerIsDownAndRecoversWhenItIsBack() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        Rosters.befriend(SERVER, alice, "Alice", bob, "Bob", "Team");
        launchForBundledServer(home);
        signInThroughUi(alice);
        peer(bob);
        awaitRow(bob, "green", "Available");
        assertThat(fx(() -> shown(robot.lookup("#connectionBanner").query()))).isFalse();

        SERVER.stopServer();
        try {
            await().atMost(WAIT).until(() -> fx(() -> shown(robot.lookup("#connectionBanner").query())));
            assertThat(fx(() -> robot.lookup("#connectionBanner").<Message>query().getDescription()))
                    .startsWith("Connection lost — reconnecting");
            assertThat(fx(() -> robot.lookup("#connectionBanner").<Message>query().getTitle())).isEqualTo("Reconnecting");
            assertThat(fx(() -> shown(robot.lookup("#offlinePresence").query()))).isTrue();
        } finally {
            SERVER.startServer();
        }

        await().atMost(WAIT.multipliedBy(3)).until(() -> fx(() -> !shown(robot.lookup("#connectionBanner").query())));
        assertThat(fx(() -> shown(robot.lookup("#presencePicker").query()))).isTrue();
        awaitRow(bob, "green", "Available");
    }

    private List<MessageViewModel> chatMessages() {
        return robot.lookup(".chat-messages").<ListView<MessageViewModel>>queryAll().stream()
                .filter(UiTestSupport::shown)
                .flatMap(l -> l.getItems().stream())
                .toList();
    }

    private static List<ChatMessage> received(XmppClientSession session) {
        List<ChatMessage> got = new CopyOnWriteArrayList<>();
        session.chat().addListener(new ChatService.ChatListener() {
            @Override
            public void messageReceived(ChatMessage message) {
                got.add(message);
            }
        });
        return got;
    }
}
