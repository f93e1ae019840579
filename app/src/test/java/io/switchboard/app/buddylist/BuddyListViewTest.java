package io.switchboard.app.buddylist;

import static io.switchboard.app.buddylist.FakeSession.contact;
import static io.switchboard.app.buddylist.FakeSession.presence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.ui.ExecutorBackground;
import io.switchboard.app.ui.FxDispatcher;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.LineState;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the real buddy list, headless: it shows, filters as you type, opens chats. */
class BuddyListViewTest extends ApplicationTest {

    private final FakeSession session = new FakeSession();
    private final FakeConversations conversations = new FakeConversations();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final SettingsModel settings =
            new SettingsModel(AppSettings.defaults().withSortOrder(SortOrder.BY_NAME), s -> { });
    private final FakeLineStates lineStates = new FakeLineStates();
    private BuddyListViewModel vm;

    @Override
    public void start(Stage stage) {
        session.lineStates = lineStates;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        session.contacts.preload(List.of(
                contact("alice@example.com", "Alice Adams", "Engineering")
                        .withPresence(presence(Availability.AVAILABLE, "", "laptop")),
                contact("bob@example.com", "Bob Brown", "Engineering")
                        .withPresence(presence(Availability.BUSY, "in a meeting", "desk")),
                contact("carol@example.com", "Carol Clark", "Friends")));
        FxDispatcher fx = new FxDispatcher();
        vm = new BuddyListViewModel(session, fx, new ExecutorBackground(workers, fx), conversations, settings);
        Scene scene = new Scene((Parent) new BuddyListView(vm).root(), 420, 600);
        scene.getStylesheets().add(BuddyListView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        interact(vm::dispose);
        session.close();
        workers.shutdownNow();
    }

    @Test
    void filterShrinksTheListAndDoubleClickOpensTheChat() {
        ListView<BuddyRow> list = lookup("#buddy-list").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().size() == 5);

        clickOn("#buddy-filter").write("ali");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(2);
        assertThat(lookup("Engineering (2/2)").tryQuery()).isPresent();

        doubleClickOn("Alice Adams");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(conversations.opened).containsExactly(Address.parse("alice@example.com"));
    }

    @Test
    void presenceChangeShowsInTheRow() {
        ListView<BuddyRow> list = lookup("#buddy-list").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().size() == 5);

        session.presence.change(Address.parse("carol@example.com"), presence(Availability.AWAY, "at lunch", "phone"));

        await().atMost(Duration.ofSeconds(5)).until(() -> lookup("Away · at lunch").tryQuery().isPresent());
        assertThat(lookup("Friends (1/1)").tryQuery()).isPresent();
    }

    @Test
    void theSortMenuShowsAndSetsTheOrder() {
        javafx.scene.control.MenuButton sort = lookup("#buddy-sort").query();
        interact(() -> vm.sortOrderProperty().set(SortOrder.BY_NAME));
        assertThat(sort.getText()).isEqualTo("Name");

        clickOn(sort).clickOn("Availability");

        assertThat(vm.sortOrderProperty().get()).isEqualTo(SortOrder.BY_AVAILABILITY);
        assertThat(sort.getText()).isEqualTo("Availability");
        assertThat(sort.getAccessibleText()).isEqualTo("Sort contacts by: Availability");
        assertThat(sort.getItems()).filteredOn(i -> ((javafx.scene.control.RadioMenuItem) i).isSelected())
                .extracting(javafx.scene.control.MenuItem::getText).containsExactly("Availability");
    }

    @Test
    void selectedContactStaysSelectedWhenItMovesAndEnterOpensTheChat() {
        ListView<BuddyRow> list = lookup("#buddy-list").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().size() == 5);
        interact(() -> vm.sortOrderProperty().set(SortOrder.BY_AVAILABILITY));
        clickOn("Alice Adams");
        BuddyRow alice = list.getSelectionModel().getSelectedItem();
        assertThat(alice).isInstanceOf(ContactRow.class);
        assertThat(list.getItems().indexOf(alice)).isEqualTo(1);

        session.presence.change(Address.parse("alice@example.com"), presence(Availability.DO_NOT_DISTURB, "", "laptop"));

        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().indexOf(alice) == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedItem()).isSameAs(alice);
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(conversations.opened).containsExactly(Address.parse("alice@example.com"));
    }

    @Test
    void restingOnAContactShowsItsDevicesAndTheRecycledCellFollowsTheRow() {
        ListView<BuddyRow> list = lookup("#buddy-list").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().size() == 5);
        session.presence.change(Address.parse("carol@example.com"), presence(Availability.AWAY, "at lunch", "phone"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lookup("Away · at lunch").tryQuery().isPresent());

        moveTo("Away · at lunch");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListCell<?> cell = (javafx.scene.control.ListCell<?>) lookup(".list-cell")
                .match(n -> n instanceof BuddyCell c && c.getTooltip() != null).query();
        ContactRow carol = (ContactRow) cell.getItem();
        assertThat(carol.item().address()).isEqualTo(Address.parse("carol@example.com"));
        assertThat(cell.getTooltip().getText()).isEqualTo(carol.item().devicesTextProperty().get()).contains("phone");
    }

    @Test
    void showPhoneStatusFromTheContextMenuLightsALampThatFollowsTheLine() {
        Address bob = Address.parse("bob@example.com");
        ListView<BuddyRow> list = lookup("#buddy-list").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().size() == 5);
        assertThat(lookup(".phone-lamp").<javafx.scene.Node>queryAll()).allSatisfy(lamp -> assertThat(lamp.isVisible()).as("no lamp yet").isFalse());

        togglePhoneStatusOf("Bob Brown", list);
        assertThat(lineStates.watched).containsExactly(bob);

        lineStates.report(bob, LineState.RINGING);
        WaitForAsyncUtils.waitForFxEvents();
        Circle lamp = visibleLamp();
        assertThat(lamp.getAccessibleText()).isEqualTo("Phone ringing");
        assertThat(lamp.getFill()).isEqualTo(Color.web("#f0a30a"));

        lineStates.report(bob, LineState.BUSY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleLamp().getAccessibleText()).isEqualTo("Phone busy");

        togglePhoneStatusOf("Bob Brown", list);
        assertThat(lineStates.watched).isEmpty();
        assertThat(lookup(".phone-lamp").<javafx.scene.Node>queryAll()).allSatisfy(l -> assertThat(l.isVisible()).as("lamp gone").isFalse());
    }

    @Test
    void aContextMenuRequestShowsTheContactsMenu() {
        ListView<BuddyRow> list = lookup("#buddy-list").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> list.getItems().size() == 5);
        clickOn("Bob Brown");

        // as the menu key (or a right click on a real screen) asks: an empty menu would refuse to show
        interact(() -> {
            javafx.geometry.Bounds at = list.localToScreen(list.getBoundsInLocal());
            javafx.event.Event.fireEvent(list, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, at.getMinX() + 10,
                    at.getMinY() + 10, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list.getContextMenu().isShowing()).isTrue();
        assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("_Chat");
        interact(() -> list.getContextMenu().hide());
    }

    /**
     * Selects the contact and picks "Show phone status" in the list's context menu, whose items are
     * made as it is about to show (headless Monocle sends no context-menu request for a right click).
     */
    private void togglePhoneStatusOf(String name, ListView<BuddyRow> list) {
        clickOn(name);
        interact(() -> list.getContextMenu().getOnShowing().handle(null));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.CheckMenuItem item = list.getContextMenu().getItems().stream()
                .filter(i -> "buddy-phone-status".equals(i.getId()))
                .map(javafx.scene.control.CheckMenuItem.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no \"Show phone status\" in the menu: " + list.getContextMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()));
        interact(() -> {
            item.setSelected(!item.isSelected());
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Circle visibleLamp() {
        return lookup(".phone-lamp").<Circle>queryAll().stream().filter(javafx.scene.Node::isVisible)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one lamp shown");
                }).orElseThrow(() -> new AssertionError("no lamp shown"));
    }
}
