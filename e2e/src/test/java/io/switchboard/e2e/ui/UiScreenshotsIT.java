package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.LaunchOptions;
import io.switchboard.app.buddylist.ContactRow;
import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;
import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.demo.DemoDirectory;

import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screenshots in {@code docs/screenshots}: alice of the demo company (as {@code run --demo}
 * seeds it, with the demo colleagues online) in the sign-in window, the main window and a chat
 * with a demo colleague, in the light and the dark theme. Every run renders them and checks they
 * are real pictures; {@code mvn -pl e2e verify -Dit.test=UiScreenshotsIT -Dscreenshots=true}
 * also writes them over the ones in {@code docs/screenshots} (otherwise to
 * {@code target/screenshots}).
 */
class UiScreenshotsIT extends UiTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(UiScreenshotsIT.class);

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withDemoCompany();

    @TempDir
    Path home;

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @Test
    void rendersTheSignInTheMainAndTheChatWindow() throws Exception {
        Path target = Screenshots.folder();
        Address alice = Address.of("alice", SERVER.domain());
        Address carol = Address.of("carol", SERVER.domain());
        launchForBundledServer(home);

        // the sign-in window as a user fills it in: the address's domain finds the server
        // emptied as a whole: erasing with Backspace from wherever the click put the caret left a digit
        fx(() -> {
            robot.lookup("#server").queryTextInputControl().clear();
            return null;
        });
        robot.clickOn("#user").write(alice.toString());
        robot.clickOn("#password").write(DemoDirectory.PASSWORD);
        Screenshots.save("Switchboard — Sign in", "sign-in");

        robot.clickOn("#server").write(serverText());
        robot.clickOn("#signIn");
        awaitMainWindow(alice);
        // the demo colleagues are online: wait until most of them show so
        await().atMost(WAIT).until(() -> onlineContacts() >= 6);
        robot.clickOn("#presenceNote").write("Release notes today");
        robot.type(KeyCode.ENTER);
        Address frank = Address.of("frank", SERVER.domain());
        robot.clickOn(fx(() -> cell(frank).orElseThrow()));
        Screenshots.save("Switchboard — " + alice, "main-window");

        showRow(carol);
        robot.doubleClickOn(fx(() -> cell(carol).orElseThrow()));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".chat-input").tryQuery().map(UiTestSupport::shown)
                .orElse(false)));
        say("Hi Carol! Do you have a minute for the release notes?");
        await().atMost(WAIT).until(() -> messagesShown() >= 2);
        say("Great, thanks. The draft is on https://intranet.example.com/release-notes");
        await().atMost(WAIT).until(() -> messagesShown() >= 4);
        say("Shall we go through it at 3?");
        await().atMost(WAIT).until(() -> messagesShown() >= 6);
        Screenshots.save("Conversations — Switchboard", "chat");

        // fired rather than clicked: the chat window lies over the main window on the headless screen
        fx(() -> {
            robot.lookup(n -> "Switch between light and dark theme".equals(n.getAccessibleText())).<Button>query().fire();
            return null;
        });
        fx(() -> {
            robot.lookup("#buddy-list").queryListView().scrollTo(0);
            return null;
        });
        Screenshots.save("Switchboard — " + alice, "main-window-dark");
        Screenshots.save("Conversations — Switchboard", "chat-dark");

        for (String name : List.of("sign-in", "main-window", "chat", "main-window-dark", "chat-dark")) {
            BufferedImage image = ImageIO.read(target.resolve(name + ".png").toFile());
            assertThat(image.getWidth()).as(name).isGreaterThanOrEqualTo(400);
            assertThat(image.getHeight()).as(name).isGreaterThanOrEqualTo(600);
        }
        LOG.info("Screenshots written to {}", target.toAbsolutePath().normalize());
    }

    /**
     * The call window, connected: alice of the demo company signed in over SIP calls Carol from the
     * dial box; Carol is an in-process softphone registered for SIP that answers.
     */
    @Test
    void rendersTheCallWindow(@TempDir Path media) throws Exception {
        Path target = Screenshots.folder();
        Address alice = Address.of("alice", SERVER.domain());
        Address carol = Address.of("carol", SERVER.domain());
        SipUserAgent carolAgent = SipUserAgent.start(new SipStackFactory(), SipAccount.of(carol, DemoDirectory.PASSWORD,
                new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP)), SipUserAgentSettings.defaults());
        MediaEngine carolMedia = MediaEngine.start(new MediaSettings(new RtpPortRange(47400, 47499), media));
        SoftphoneCalls carolCalls = new SoftphoneCalls(carolAgent.calls(), carolMedia,
                (engine, local) -> engine.openAudio(local, new ToneSource(600, 0.3), new RecordingSink(10)),
                AudioCapabilities.defaults(), InetAddress.getLoopbackAddress(), Clock.systemUTC(), Runnable::run);
        ComposedClient client = null;
        try {
            carolAgent.registration().register().get(10, TimeUnit.SECONDS);
            List<Call> ringing = new CopyOnWriteArrayList<>();
            carolCalls.addListener(call -> {
                if (call.state() == CallState.INCOMING) {
                    ringing.add(call);
                }
            });
            client = ComposedClient.launch(home, LaunchOptions.parse("--account-type", "sip", "--user", alice.toString(),
                    "--proxy", "127.0.0.1:" + SERVER.sipPort(), "--xcap-root", SERVER.xcapRoot().toString(),
                    "--password-env", "SWITCHBOARD_DEMO_PASSWORD", "--auto-sign-in"),
                    Map.of("SWITCHBOARD_DEMO_PASSWORD", DemoDirectory.PASSWORD));
            awaitMainWindow(alice);
            // a SIP account keeps its contacts itself: alice adds Carol under her name
            robot.clickOn("#buddy-add");
            robot.clickOn("#add-contact-address").write(carol.toString());
            robot.clickOn(fx(() -> robot.lookup(n -> "Display name".equals(n.getAccessibleText())).<Node>query()))
                    .write("Carol Clark");
            robot.clickOn(dialogButton("Add"));
            await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#dial-box").queryTextInputControl().getPromptText())
                    .equals("Call a name, address or number"));

            robot.clickOn("#dial-box").write("carol");
            robot.type(KeyCode.ENTER);
            await().atMost(WAIT).until(() -> !ringing.isEmpty());
            carolCalls.answer(ringing.get(0).id());
            String window = "Call — Carol Clark";
            await().atMost(WAIT).until(() -> fx(() -> label(window, "#call-timer")).equals("00:03"));
            Screenshots.save(window, "call");

            BufferedImage image = ImageIO.read(target.resolve("call.png").toFile());
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(400);
        } finally {
            if (client != null) {
                client.close();
            }
            carolCalls.close();
            carolAgent.close();
            carolMedia.close();
        }
    }

    private static String label(String window, String id) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && window.equals(s.getTitle()) && s.isShowing())
                .map(w -> ((javafx.scene.control.Label) w.getScene().getRoot().lookup(id)).getText())
                .findFirst().orElse("");
    }

    /** Scrolls the buddy list so that the contact's row is shown. */
    private void showRow(Address contact) {
        fx(() -> {
            javafx.scene.control.ListView<?> list = robot.lookup("#buddy-list").queryListView();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof ContactRow c && c.item().address().equals(contact)) {
                    list.scrollTo(Math.max(0, i - 3));
                }
            }
            return null;
        });
        await().atMost(WAIT).until(() -> fx(() -> cell(contact).isPresent()));
    }

    private void say(String text) {
        robot.clickOn(".chat-input").write(text);
        robot.type(KeyCode.ENTER);
    }

    private long onlineContacts() {
        return fx(() -> robot.lookup("#buddy-list").tryQuery()
                .map(list -> ((javafx.scene.control.ListView<?>) list).getItems().stream()
                        .filter(r -> r instanceof ContactRow c && c.item().isOnline()).count())
                .orElse(0L));
    }

    private long messagesShown() {
        return fx(() -> robot.lookup(".chat-messages").<javafx.scene.control.ListView<?>>queryAll().stream()
                .filter(UiTestSupport::shown).mapToLong(l -> l.getItems().size()).sum());
    }


}
