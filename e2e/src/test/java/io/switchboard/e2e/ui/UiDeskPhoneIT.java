package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.recents.RecentCallRow;
import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.PhoneCallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.SimulatedPhones;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Desk-phone mode end to end ("Use my desk phone"): alice's client, started with
 * {@code --desk-line}, drives her desk phone — the headless simulator on her line, which knows no
 * CSTA — through the bundled server's CTI gateway. Click-to-call from the dial box makes the desk
 * phone go off-hook and the callee ring; the call window follows the desk phone's call and its
 * Hold and Hang up act on it; the desk phone and the callee hear each other's tones; the call is in
 * Recents. A call to the desk line pops up in the client and is answered from there. Switching
 * back to the softphone from the main window needs no sign-out.
 */
class UiDeskPhoneIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    static final double DESK_SAYS = 700;
    static final double BOB_SAYS = 1100;
    static final double CAROL_SAYS = 1500;

    @TempDir
    Path home;
    @RegisterExtension
    final SimulatedPhones simulated = new SimulatedPhones(SERVER, 47700);

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @Test
    void clickToCallDrivesTheDeskPhoneAndTheCallWindowHoldsAndHangsItUp() throws Exception {
        Address alice = newUser("alice");
        Address line = newUser("desk");
        Address bob = newUser("bob");
        SERVER.server().assignDeskLine(line.local(), alice.local());
        DeskPhone desk = phone(line, DESK_SAYS, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone bobs = phone(bob, BOB_SAYS, AutoAnswerPolicy.NEVER);

        launchSignedInOverSip(home, alice, "--desk-line", line.local());
        awaitMainWindow(alice);
        awaitDeskPhoneMode(line);

        robot.clickOn("#dial-box").write(bob.local());
        robot.type(KeyCode.ENTER);

        DeskPhoneCall ringing = await("the callee's phone rings").atMost(WAIT)
                .until(() -> bobs.status().liveCalls().stream().findFirst(), Optional::isPresent).get();
        assertThat(ringing.state()).isEqualTo(PhoneCallState.RINGING);
        assertThat(desk.status().liveCalls()).as("the desk phone went off-hook by itself").hasSize(1);
        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Ringing…"));
        assertThat(labelText(window, "#call-phone")).isEqualTo("Desk phone " + line.local());
        assertThat(fx(() -> nodeIn(window, "#call-mute").isVisible())).as("a desk phone mutes on the phone").isFalse();

        bobs.answer();
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));
        await().atMost(WAIT).until(() -> labelText(window, "#call-timer").equals("00:02"));
        Screenshots.save(window, "desk-call");
        String deskCall = desk.status().liveCalls().get(0).callId();
        await("the desk phone hears the callee").atMost(WAIT).until(() -> SimulatedPhones.hearing(desk, deskCall).hears(BOB_SAYS, 30, 0.02));
        await("the callee hears the desk phone").atMost(WAIT)
                .until(() -> SimulatedPhones.hearing(bobs, ringing.callId()).hears(DESK_SAYS, 30, 0.02));

        robot.clickOn(nodeIn(window, "#call-hold"));
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("On hold"));
        await("the desk phone's call is held").atMost(WAIT)
                .until(() -> desk.status().call(deskCall).map(c -> c.state() == PhoneCallState.HELD).orElse(false));
        await("the callee hears silence").atMost(WAIT).until(() -> SimulatedPhones.hearing(bobs, ringing.callId()).level() < 0.01);

        robot.clickOn(nodeIn(window, "#call-hold"));
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));
        await("the callee hears the desk phone again").atMost(WAIT)
                .until(() -> SimulatedPhones.hearing(bobs, ringing.callId()).hears(DESK_SAYS, 30, 0.02));

        robot.clickOn(nodeIn(window, "#call-hang-up"));
        await("both phones hang up").atMost(WAIT).until(() -> desk.status().liveCalls().isEmpty()
                && bobs.status().liveCalls().isEmpty());
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(window).isEmpty()));

        robot.clickOn(recentsTab());
        await().atMost(WAIT).until(() -> recentRows().size() == 1);
        RecentCallRow placed = recentRows().get(0);
        assertThat(placed.remote()).isEqualTo(bob);
        assertThat(placed.record().outgoing()).isTrue();
        assertThat(placed.detail()).startsWith("Outgoing · ");
    }

    @Test
    void aCallToTheDeskLinePopsUpInTheClientAndAnsweringThereConnectsTheDeskPhone() throws Exception {
        Address alice = newUser("alice");
        Address line = newUser("desk");
        Address bob = newUser("bob");
        SERVER.server().assignDeskLine(line.local(), alice.local());
        DeskPhone desk = phone(line, DESK_SAYS, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone bobs = phone(bob, BOB_SAYS, AutoAnswerPolicy.NEVER);
        launchSignedInOverSip(home, alice, "--desk-line", line.local());
        awaitMainWindow(alice);
        awaitDeskPhoneMode(line);

        DeskPhoneCall fromBob = bobs.dial(line);

        String ringWindow = "Incoming call — " + bob;
        await("the client shows the call ringing at the desk phone").atMost(WAIT)
                .until(() -> fx(() -> windowIfShowing(ringWindow).isPresent()));
        assertThat(labelText(ringWindow, "#incoming-caller")).isEqualTo(bob.toString());
        // the desk phone and the client hear of the call on separate paths: either may be first
        await("the desk phone rings too").atMost(WAIT).until(() -> desk.status().liveCalls().size() == 1);
        robot.clickOn(nodeIn(ringWindow, "#incoming-answer"));

        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));
        assertThat(labelText(window, "#call-phone")).isEqualTo("Desk phone " + line.local());
        await("bob's call is answered").atMost(WAIT).until(() -> bobs.status().call(fromBob.callId())
                .map(c -> c.state() == PhoneCallState.CONNECTED).orElse(false));
        String deskCall = await().atMost(WAIT).until(() -> desk.status().liveCalls().stream()
                .filter(c -> c.state() == PhoneCallState.CONNECTED).findFirst(), Optional::isPresent).get().callId();
        await("the desk phone hears the caller").atMost(WAIT).until(() -> SimulatedPhones.hearing(desk, deskCall).hears(BOB_SAYS, 30, 0.02));
        await("the caller hears the desk phone").atMost(WAIT)
                .until(() -> SimulatedPhones.hearing(bobs, fromBob.callId()).hears(DESK_SAYS, 30, 0.02));

        robot.clickOn(nodeIn(window, "#call-hang-up"));
        await("both phones hang up").atMost(WAIT).until(() -> desk.status().liveCalls().isEmpty()
                && bobs.status().liveCalls().isEmpty());
        robot.clickOn(recentsTab());
        await().atMost(WAIT).until(() -> recentRows().size() == 1);
        assertThat(recentRows().get(0).record().outgoing()).isFalse();
        assertThat(recentRows().get(0).detail()).startsWith("Incoming · ");
    }

    /**
     * Transfer from the call window in desk-phone mode: the gateway hands the caller to the target
     * (SingleStepTransferCall), the desk phone drops out, and the two talk.
     */
    @Test
    void theCallWindowTransfersTheDeskPhonesCallAndTheDeskPhoneDropsOut() throws Exception {
        Address alice = newUser("alice");
        Address line = newUser("desk");
        Address bob = newUser("bob");
        Address carol = newUser("carol");
        SERVER.server().assignDeskLine(line.local(), alice.local());
        DeskPhone desk = phone(line, DESK_SAYS, AutoAnswerPolicy.WHEN_ASKED);
        DeskPhone bobs = phone(bob, BOB_SAYS, AutoAnswerPolicy.NEVER);
        DeskPhone carols = phone(carol, CAROL_SAYS, AutoAnswerPolicy.ALWAYS);
        launchSignedInOverSip(home, alice, "--desk-line", line.local());
        awaitMainWindow(alice);
        awaitDeskPhoneMode(line);

        DeskPhoneCall fromBob = bobs.dial(line);
        String ringWindow = "Incoming call — " + bob;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(ringWindow).isPresent()));
        robot.clickOn(nodeIn(ringWindow, "#incoming-answer"));
        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));

        robot.clickOn(nodeIn(window, "#call-transfer"));
        robot.clickOn(nodeIn(window, "#call-transfer-target")).write(carol.local());
        robot.clickOn(nodeIn(window, "#call-transfer-now"));

        await("the desk phone drops out").atMost(WAIT).until(() -> desk.status().liveCalls().isEmpty());
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(window).isEmpty())
                || labelText(window, "#call-state").startsWith("Ended") || labelText(window, "#call-state").startsWith("Transferred"));
        DeskPhoneCall atCarol = await("carol's phone takes the call").atMost(WAIT).until(() -> carols.status()
                .liveCalls().stream().filter(c -> c.state() == PhoneCallState.CONNECTED).findFirst(), Optional::isPresent)
                .get();
        await("carol hears bob").atMost(WAIT).until(() -> SimulatedPhones.hearing(carols, atCarol.callId()).hears(BOB_SAYS, 30, 0.02));
        await("bob hears carol").atMost(WAIT).until(() -> SimulatedPhones.hearing(bobs, fromBob.callId()).hears(CAROL_SAYS, 30, 0.02));
    }

    @Test
    void aLineNotAssignedToTheUserIsRefusedClearlyAndTheSoftphoneStaysInUse() throws Exception {
        Address alice = newUser("alice");
        Address mallory = newUser("mallory");
        Address line = newUser("desk");
        SERVER.server().assignDeskLine(line.local(), mallory.local());

        launchSignedInOverSip(home, alice, "--desk-line", line.local());
        awaitMainWindow(alice);

        await().atMost(WAIT).until(() -> labelText("#phone-mode-error").contains("is not assigned to you"));
        assertThat(labelText("#phone-mode-error")).startsWith("Desk phone mode is unavailable: desk line " + line.local());
        assertThat(labelText("#phone-mode-in-use")).isEqualTo("In use: Softphone");
    }

    @Test
    void theUserSwitchesBetweenDeskPhoneAndSoftphoneWithoutSigningOut() throws Exception {
        Address alice = newUser("alice");
        Address line = newUser("desk");
        SERVER.server().assignDeskLine(line.local(), alice.local());
        phone(line, DESK_SAYS, AutoAnswerPolicy.WHEN_ASKED);
        launchSignedInOverSip(home, alice, "--desk-line", line.local());
        awaitMainWindow(alice);
        awaitDeskPhoneMode(line);

        fx(() -> {
            robot.lookup("#phone-mode").<javafx.scene.control.ComboBox<Object>>query().getSelectionModel().select(0);
            return null;
        });
        await().atMost(WAIT).until(() -> labelText("#phone-mode-in-use").equals("In use: Softphone"));

        fx(() -> {
            robot.lookup("#phone-mode").<javafx.scene.control.ComboBox<Object>>query().getSelectionModel().select(1);
            return null;
        });
        robot.clickOn("#phone-mode-apply");
        awaitDeskPhoneMode(line);
        assertThat(primaryStageTitle()).contains(alice.toString());
    }

    private void awaitDeskPhoneMode(Address line) {
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#dial-box").<TextInputControl>query().getPromptText())
                .equals("Call a name, address or number"));
        await().atMost(WAIT).until(() -> labelText("#phone-mode-in-use").equals("In use: Desk phone " + line.local()));
    }

    private DeskPhone phone(Address user, double toneHz, AutoAnswerPolicy policy) throws Exception {
        return simulated.start(user, password(user), toneHz, policy);
    }


}
