package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.PhoneCallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.SimulatedPhones;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phone services next to an XMPP sign-in, as the demo starts the client: IM and presence over
 * XMPP, calls over SIP at {@code --phone-proxy} with the same user and password. The desk phone is
 * driven from the client ({@code --desk-line}), the softphone calls, and a phone server that does
 * not answer leaves the client signed in for IM with the phone area saying why.
 */
class UiXmppPhoneIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @TempDir
    Path home;
    @RegisterExtension
    final SimulatedPhones simulated = new SimulatedPhones(SERVER, 47800);

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @Test
    void anXmppSignInWithAPhoneProxyDrivesTheDeskPhoneFromTheDialBox() throws Exception {
        Address alice = newUser("alice");
        Address line = newUser("desk");
        Address bob = newUser("bob");
        SERVER.server().assignDeskLine(line.local(), alice.local());
        DeskPhone desk = phone(line, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone bobs = phone(bob, AutoAnswerPolicy.NEVER);

        launchSignedInOverXmpp(home, alice, "--phone-proxy", "127.0.0.1:" + SERVER.sipPort(),
                "--desk-line", line.local());
        awaitMainWindow(alice);
        await().atMost(WAIT).until(() -> labelText("#phone-mode-in-use").equals("In use: Desk phone " + line.local()));

        robot.clickOn("#dial-box").write(bob.local());
        robot.type(KeyCode.ENTER);

        DeskPhoneCall ringing = await("the callee's phone rings").atMost(WAIT)
                .until(() -> bobs.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        assertThat(ringing.state()).isEqualTo(PhoneCallState.RINGING);
        assertThat(desk.status().liveCalls()).as("the desk phone went off-hook by itself").hasSize(1);
        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Ringing…"));
        assertThat(labelText(window, "#call-phone")).isEqualTo("Desk phone " + line.local());

        robot.clickOn(nodeIn(window, "#call-hang-up"));
        await("both phones hang up").atMost(WAIT).until(() -> desk.status().liveCalls().isEmpty()
                && bobs.status().liveCalls().isEmpty());
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(window).isEmpty()));
    }

    /**
     * The busy lamp field in the demo's set-up: an XMPP buddy list whose phone lamps come over the
     * SIP phone line (RFC 4235): a chosen colleague's lamp goes ringing, busy, idle as a call to
     * him rings, is answered and ends.
     */
    @Test
    void aChosenColleaguesPhoneLampFollowsHisCallsOverThePhoneLine() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        Address carol = newUser("carol");
        Rosters.befriend(SERVER, alice, "Alice", bob, "Bob", "Team");
        // chosen before, with "Show phone status" (Monocle opens no context menus)
        java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(home.resolve(".config")
                .resolve("switchboard")).resolve("phone-status.txt"), bob + "\n");
        DeskPhone bobs = phone(bob, AutoAnswerPolicy.NEVER);
        DeskPhone carols = phone(carol, AutoAnswerPolicy.NEVER);

        launchSignedInOverXmpp(home, alice, "--phone-proxy", "127.0.0.1:" + SERVER.sipPort());
        awaitMainWindow(alice);
        await("bob's lamp shows").atMost(WAIT).until(() -> lamp().equals("Phone idle"));

        DeskPhoneCall dialled = carols.dial(bob);
        await("bob's phone rings").atMost(WAIT).until(() -> lamp().equals("Phone ringing"));
        await().atMost(WAIT).until(() -> !bobs.status().liveCalls().isEmpty());
        bobs.answer();
        await("bob is on the phone").atMost(WAIT).until(() -> lamp().equals("Phone busy"));
        carols.hangUp(dialled.callId());
        await("idle again").atMost(WAIT).until(() -> lamp().equals("Phone idle"));
    }

    /** The words of the one phone lamp shown in the buddy list. */
    private String lamp() {
        return fx(() -> robot.lookup(".phone-lamp").queryAll().stream().filter(Node::isVisible)
                .map(Node::getAccessibleText).filter(t -> t != null && !t.isEmpty()).findFirst().orElse(""));
    }

    @Test
    void anXmppSignInWithAPhoneProxyCallsFromTheSoftphone() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        DeskPhone bobs = phone(bob, AutoAnswerPolicy.NEVER);

        launchSignedInOverXmpp(home, alice, "--phone-proxy", "127.0.0.1:" + SERVER.sipPort());
        awaitMainWindow(alice);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#dial-box").<TextInputControl>query().getPromptText())
                .equals("Call a name, address or number"));
        assertThat(labelText("#phone-mode-in-use")).isEqualTo("In use: Softphone");

        robot.clickOn("#dial-box").write(bob.local());
        robot.type(KeyCode.ENTER);
        DeskPhoneCall ringing = await("the callee's phone rings").atMost(WAIT)
                .until(() -> bobs.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        bobs.answer();
        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));

        robot.clickOn(nodeIn(window, "#call-hang-up"));
        await("the callee's call ends").atMost(WAIT).until(() -> bobs.status().call(ringing.callId()).isEmpty()
                || bobs.status().liveCalls().isEmpty());
    }

    @Test
    void aPhoneServerThatDoesNotAnswerLeavesImWorkingAndSaysWhy() throws Exception {
        Address alice = newUser("alice");
        int silent;
        try (DatagramSocket free = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            silent = free.getLocalPort();   // nobody listens there once closed
        }

        launchSignedInOverXmpp(home, alice, "--phone-proxy", "127.0.0.1:" + silent);
        awaitMainWindow(alice);

        await().atMost(WAIT.multipliedBy(2)).until(() -> fx(() -> robot.lookup("#dial-box").<TextInputControl>query()
                .getPromptText()).equals("Calls are unavailable: the phone server 127.0.0.1:" + silent
                + " did not answer"));
        assertThat(primaryStageTitle()).contains(alice.toString());
    }

    private DeskPhone phone(Address user, AutoAnswerPolicy policy) throws Exception {
        return simulated.start(user, password(user), 700, policy);
    }

}
