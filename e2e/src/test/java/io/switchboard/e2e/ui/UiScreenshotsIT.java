package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.buddylist.ContactRow;
import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.demo.DemoDirectory;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
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
        Path target = Boolean.getBoolean("screenshots")
                ? Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"))
                : Path.of("target", "screenshots");
        Files.createDirectories(target);
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
        save(snapshot("Switchboard — Sign in"), target.resolve("sign-in.png"));

        robot.clickOn("#server").write(serverText());
        robot.clickOn("#signIn");
        awaitMainWindow(alice);
        // the demo colleagues are online: wait until most of them show so
        await().atMost(WAIT).until(() -> onlineContacts() >= 6);
        robot.clickOn("#presenceNote").write("Release notes today");
        robot.type(KeyCode.ENTER);
        Address frank = Address.of("frank", SERVER.domain());
        robot.clickOn(fx(() -> cell(frank).orElseThrow()));
        save(snapshot("Switchboard — " + alice), target.resolve("main-window.png"));

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
        save(snapshot("Conversations — Switchboard"), target.resolve("chat.png"));

        // fired rather than clicked: the chat window lies over the main window on the headless screen
        fx(() -> {
            robot.lookup(n -> "Switch between light and dark theme".equals(n.getAccessibleText())).<Button>query().fire();
            return null;
        });
        fx(() -> {
            robot.lookup("#buddy-list").queryListView().scrollTo(0);
            return null;
        });
        save(snapshot("Switchboard — " + alice), target.resolve("main-window-dark.png"));
        save(snapshot("Conversations — Switchboard"), target.resolve("chat-dark.png"));

        for (String name : List.of("sign-in", "main-window", "chat", "main-window-dark", "chat-dark")) {
            BufferedImage image = ImageIO.read(target.resolve(name + ".png").toFile());
            assertThat(image.getWidth()).as(name).isGreaterThanOrEqualTo(400);
            assertThat(image.getHeight()).as(name).isGreaterThanOrEqualTo(600);
            assertThat(distinctColours(image)).as("%s is a picture, not an empty window", name).isGreaterThan(50);
        }
        LOG.info("Screenshots written to {}", target.toAbsolutePath().normalize());
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

    private static WritableImage snapshot(String title) {
        return fx(() -> {
            Stage stage = Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                    .map(Stage.class::cast).findFirst().orElseThrow(() -> new AssertionError("no window " + title));
            return stage.getScene().snapshot(null);
        });
    }

    private static void save(WritableImage image, Path file) throws Exception {
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

}
