package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.buddylist.BuddyRow;
import io.switchboard.app.buddylist.ContactRow;
import io.switchboard.app.buddylist.GroupRow;
import io.switchboard.app.directory.DirectoryResult;
import io.switchboard.core.model.Address;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.server.demo.DemoDirectory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The company directory in the real client: the server with its embedded directory (the demo
 * organisation; people sign in with their directory password), the client finding it through the
 * server, and a user searching it, opening a contact card and adding a colleague from it. Also
 * renders {@code docs/screenshots/directory-search.png} and {@code contact-card.png} (see
 * {@link Screenshots}).
 */
class UiDirectoryIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = BundledServerFixture.withEmbeddedDirectory();

    @TempDir
    Path home;

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @Test
    void findsAColleagueOpensTheirCardAndAddsThemToAGroup() throws Exception {
        Address alice = Address.of("alice", SERVER.domain());
        Address bob = Address.of("bob", SERVER.domain());
        signInAsDirectoryUser(alice);

        robot.clickOn("#directory-search").write("Bo");

        await().atMost(WAIT).until(() -> result("Bob Brown").isPresent());
        DirectoryResult bobResult = result("Bob Brown").orElseThrow();
        assertThat(bobResult.role()).isEqualTo("Software Engineer, Engineering");
        assertThat(bobResult.phones()).startsWith("1002");
        await().atMost(WAIT).until(() -> fx(() -> resultCell("Bob Brown").isPresent()));
        assertThat(fx(() -> shown(robot.lookup("#buddy-list").query()))).as("the results replace the list").isFalse();
        // one letter less finds more people (Ben Carter, Tom Becker, …): the picture shows a list
        robot.type(KeyCode.BACK_SPACE);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#directory-results").queryListView().getItems().size())
                >= 4);
        await().atMost(WAIT).until(() -> fx(() -> resultCell("Bob Brown").isPresent()));
        robot.clickOn(fx(() -> resultCell("Bob Brown").orElseThrow()));
        Screenshots.save("Switchboard — " + alice, "directory-search");

        robot.doubleClickOn(fx(() -> resultCell("Bob Brown").orElseThrow()));
        String card = "Contact card — Bob Brown";
        await().atMost(WAIT).until(() -> windowIfShowing(card).isPresent());
        assertThat(labelText(card, "#card-name")).isEqualTo("Bob Brown");
        assertThat(labelText(card, "#card-role")).isEqualTo("Software Engineer, Engineering");
        Screenshots.save(card, "contact-card");
        fx(() -> {
            window(card).hide();
            return null;
        });

        Node add = fx(() -> resultCell("Bob Brown").orElseThrow().lookup(".directory-add"));
        robot.clickOn(add);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#add-contact-address").tryQuery().isPresent()));
        assertThat(fx(() -> robot.lookup("#add-contact-address").<TextField>query().getText()))
                .isEqualTo(bob.toString());
        robot.clickOn(fx(() -> robot.lookup(".dialog-pane .combo-box").<ComboBox<?>>query().getEditor()))
                .write("Team");
        robot.clickOn(dialogButton("Add"));

        robot.clickOn("#directory-search").type(KeyCode.ESCAPE);
        await().atMost(WAIT).until(() -> fx(() -> shown(robot.lookup("#buddy-list").query())));
        awaitRow(bob, "grey", "Waiting for approval");
        assertThat(rows()).filteredOn(GroupRow.class::isInstance).extracting(Object::toString)
                .anySatisfy(r -> assertThat(r).contains("Team"));
        assertThat(rows()).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(ContactRow.class,
                c -> assertThat(c.item().getDisplayName()).isEqualTo("Bob Brown")));

        // the buddy list's menu opens the card of a contact the directory knows
        // selected, then the menu asked for as the menu key asks: headless Monocle's robot sends no
        // context-menu request for a right click
        fx(() -> {
            ListView<BuddyRow> buddyList = robot.lookup("#buddy-list").queryListView();
            buddyList.getSelectionModel().select(buddyList.getItems().stream()
                    .filter(r -> r instanceof ContactRow c && c.item().address().equals(bob)).findFirst().orElseThrow());
            javafx.geometry.Bounds at = buddyList.localToScreen(buddyList.getBoundsInLocal());
            javafx.event.Event.fireEvent(buddyList, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, at.getMinX() + 20,
                    at.getMinY() + 20, true, null));
            return null;
        });
        await().atMost(WAIT).until(() -> fx(() -> menuItem("buddy-contact-card").isPresent()));
        // fired rather than clicked: a context menu's items are no nodes a lookup can find by their text
        fx(() -> {
            MenuItem item = menuItem("buddy-contact-card").orElseThrow();
            item.getParentPopup().hide();
            item.fire();
            return null;
        });
        await().atMost(WAIT).until(() -> windowIfShowing(card).isPresent());
        assertThat(labelText(card, "#card-role")).isEqualTo("Software Engineer, Engineering");
    }

    @Test
    void filterSyntaxInTheSearchFindsNobodyAndIsNoError() throws Exception {
        signInAsDirectoryUser(Address.of("alice", SERVER.domain()));

        robot.clickOn("#directory-search").write("*)(uid=*");

        await().atMost(WAIT).until(() -> labelText("#directory-message").startsWith("No one in the directory matches"));
        assertThat(fx(() -> robot.lookup("#directory-results").queryListView().getItems())).isEmpty();
        assertThat(fx(() -> robot.lookup(".directory-error").queryAll().stream().noneMatch(UiTestSupport::shown)))
                .as("no error banner").isTrue();
    }

    @Test
    void aDirectoryThatStopsAnsweringTimesOutWhileTheWindowStaysResponsive() throws Exception {
        signInAsDirectoryUser(Address.of("alice", SERVER.domain()));
        // a first search binds the client's connection: the directory stalls in the middle of the session
        robot.clickOn("#directory-search").write("Al");
        await().atMost(WAIT).until(() -> result("Alice Anderson").isPresent());
        robot.type(KeyCode.ESCAPE);
        InMemoryDirectoryServer directory = SERVER.server().directory().orElseThrow().embedded().orElseThrow().server();
        directory.setProcessingDelayMillis(Duration.ofSeconds(25).toMillis());   // longer than the client waits
        try {
            robot.clickOn("#directory-search").write("Bo");
            await().atMost(WAIT).until(() -> fx(() -> shown(robot.lookup("#directory-busy").query())));

            long before = System.nanoTime();
            String typed = fx(() -> robot.lookup("#directory-search").queryTextInputControl().getText());
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the UI thread answers at once")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(typed).isEqualTo("Bo");

            // the client gives up after its operation timeout (a stalled bind or search) and says so
            await().atMost(WAIT).until(() -> fx(() -> robot.lookup(".directory-error").queryAll().stream()
                    .anyMatch(n -> shown(n) && n.getAccessibleText() != null
                            && n.getAccessibleText().startsWith("The directory at ")
                            && n.getAccessibleText().contains("did not answer in time"))));
            assertThat(fx(() -> shown(robot.lookup("#directory-busy").query()))).isFalse();
        } finally {
            directory.setProcessingDelayMillis(0);
        }
    }

    @Test
    void aSipSimpleSignInFindsTheDirectoryThroughXcapAndSearchesIt() throws Exception {
        Address irene = Address.of("irene", SERVER.domain());
        // her first directory sign-in gives SIP its digest credentials (ADR 0029)
        Peer.signedIn(SERVER, irene, DemoDirectory.PASSWORD).close();
        launchSignedInOverSipWithPassword(home, irene, DemoDirectory.PASSWORD);
        awaitMainWindow(irene);
        awaitDirectoryFound();

        robot.clickOn("#directory-search").write("Gra");

        await().atMost(WAIT).until(() -> result("Grace Harper").isPresent());
        assertThat(result("Grace Harper").orElseThrow().role()).isEqualTo("Chief Executive, Management");
    }

    /** Signs in with the directory password and waits until the client has found the server's directory. */
    private void signInAsDirectoryUser(Address user) throws Exception {
        launchForBundledServer(home);
        typeCredentials(user, DemoDirectory.PASSWORD);
        robot.clickOn("#signIn");
        awaitMainWindow(user);
        awaitDirectoryFound();
    }

    private void awaitDirectoryFound() {
        await().atMost(WAIT).until(() -> fx(() -> "Search the company directory"
                .equals(robot.lookup("#directory-search").queryTextInputControl().getPromptText())));
    }

    private Optional<DirectoryResult> result(String name) {
        return fx(() -> robot.lookup("#directory-results").<DirectoryResult>queryListView().getItems().stream()
                .filter(r -> r.name().equals(name)).findFirst());
    }

    /** The item {@code id} of the context menu that is showing (on the FX thread). */
    private static Optional<MenuItem> menuItem(String id) {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu menu && menu.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream())
                .filter(item -> id.equals(item.getId()))
                .findFirst();
    }

    /** The shown cell of {@code name}'s result (on the FX thread). */
    private Optional<ListCell<?>> resultCell(String name) {
        ListView<?> list = robot.lookup("#directory-results").queryListView();
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible()
                        && c.getItem() instanceof DirectoryResult r && r.name().equals(name))
                .<ListCell<?>>map(n -> (ListCell<?>) n)
                .findFirst();
    }
}
