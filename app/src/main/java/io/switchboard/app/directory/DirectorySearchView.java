package io.switchboard.app.directory;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The directory search above the buddy list, as in Jabber: a search field; while it holds text the
 * results take the buddy list's place, Escape (or clearing the field) brings the list back.
 * Renders {@link DirectorySearchViewModel}; contact cards open through {@link ContactCardView}.
 */
public final class DirectorySearchView {

    /** The directory screens' style sheet, for the scenes that show them. */
    public static final String STYLESHEET = Objects.requireNonNull(
            DirectorySearchView.class.getResource("directory.css"), "directory.css").toExternalForm();

    private final DirectorySearchViewModel vm;
    private final VBox root = new VBox();
    private final ListView<DirectoryResult> list = new ListView<>();

    /**
     * @param buddyList   the buddy list, shown while the field is empty
     * @param stylesheets for the contact cards' windows
     */
    public DirectorySearchView(DirectorySearchViewModel vm, Node buddyList, List<String> stylesheets) {
        this.vm = Objects.requireNonNull(vm, "vm");
        root.getStyleClass().add("directory-search");
        vm.onShowCard(result -> new ContactCardView(result, vm.actions(), owner().orElse(null), stylesheets).show());

        Node results = results();
        results.visibleProperty().bind(vm.activeProperty());
        buddyList.visibleProperty().bind(vm.activeProperty().not());
        StackPane body = new StackPane(buddyList, results);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(searchField(), errorBanner(vm.errorProperty(), vm::dismissError),
                errorBanner(vm.actions().errorProperty(), vm.actions()::dismissError), body);
    }

    public Pane root() {
        return root;
    }

    private Node searchField() {
        CustomTextField field = new CustomTextField();
        field.setId("directory-search");
        field.promptTextProperty().bind(vm.promptProperty());
        field.setAccessibleText("Search the company directory");
        field.setLeft(new FontIcon(Material2MZ.PERSON_SEARCH));
        field.textProperty().bindBidirectional(vm.queryProperty());
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setId("directory-clear");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setAccessibleText("Clear the search");
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(vm.activeProperty());
        clear.setOnAction(e -> vm.clear());
        field.setRight(clear);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        HBox box = new HBox(field);
        HBox.setHgrow(field, Priority.ALWAYS);
        box.getStyleClass().add("directory-search-bar");
        return box;
    }

    private Node errorBanner(javafx.beans.value.ObservableStringValue text, Runnable dismiss) {
        Message error = new Message("Company directory", "", new FontIcon(Material2AL.ERROR_OUTLINE));
        error.getStyleClass().addAll(Styles.DANGER, "directory-error");
        error.descriptionProperty().bind(text);
        error.visibleProperty().bind(Bindings.isNotEmpty(text));
        error.managedProperty().bind(error.visibleProperty());
        error.setOnClose(e -> dismiss.run());
        error.setAccessibleRole(AccessibleRole.TEXT);
        error.accessibleTextProperty().bind(text);
        return error;
    }

    private Node results() {
        list.setId("directory-results");
        list.setItems(vm.results());
        list.setAccessibleText("Directory results");
        list.setCellFactory(v -> new DirectoryResultCell(vm.actions(), this::addToContacts));
        list.setPlaceholder(new Label(""));
        list.setContextMenu(contextMenu());
        list.setOnMouseClicked(e -> {
            DirectoryResult selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.showCard(selected);
            }
        });
        list.setOnKeyPressed(e -> {
            DirectoryResult selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
            } else if (e.getCode() == KeyCode.ENTER && selected != null) {
                vm.showCard(selected);
            } else {
                return;
            }
            e.consume();
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label message = new Label();
        message.setId("directory-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("directory-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.searchingProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Button more = new Button("More results");
        more.setId("directory-more");
        more.getStyleClass().add(Styles.FLAT);
        more.setMaxWidth(Double.MAX_VALUE);
        more.visibleProperty().bind(vm.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(vm.searchingProperty());
        more.setOnAction(e -> vm.loadMore());

        HBox status = new HBox(8, busy, message);
        status.getStyleClass().add("directory-status");
        status.managedProperty().bind(busy.visibleProperty().or(message.visibleProperty()));
        status.visibleProperty().bind(status.managedProperty());
        VBox pane = new VBox(4, status, list, more);
        pane.getStyleClass().add("directory-results-pane");
        return pane;
    }

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        // filled before the list asks it to show: a context menu without items refuses to show
        list.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                e -> menu.getItems().setAll(menuItems(list.getSelectionModel().getSelectedItem())));
        return menu;
    }

    private List<MenuItem> menuItems(DirectoryResult result) {
        if (result == null) {
            return List.of();
        }
        DirectoryActions actions = vm.actions();
        List<MenuItem> items = new java.util.ArrayList<>();
        items.add(item("Contact _card", Material2AL.ACCOUNT_BOX, () -> vm.showCard(result)));
        items.add(item("_Chat", Material2AL.CHAT, () -> actions.chat(result.entry())));
        if (actions.canOfferCalls()) {
            items.add(item("C_all", Material2AL.CALL, () -> actions.call(result.entry())));
            for (String number : numbers(result)) {
                MenuItem call = item("Call " + number, Material2MZ.PHONE, () -> actions.callNumber(number));
                call.setMnemonicParsing(false);
                items.add(call);
            }
        }
        if (result.entry().mail().isPresent()) {
            items.add(item("_Email", Material2AL.EMAIL, () -> actions.email(result.entry())));
        }
        items.add(new SeparatorMenuItem());
        items.add(item("_Add to contacts\u2026", Material2MZ.PERSON_ADD, () -> addToContacts(result)));
        return items;
    }

    private static List<String> numbers(DirectoryResult result) {
        return java.util.stream.Stream.concat(result.entry().workPhones().stream(),
                result.entry().mobilePhones().stream()).toList();
    }

    private static MenuItem item(String text, org.kordamp.ikonli.Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }

    private void addToContacts(DirectoryResult result) {
        AddToContacts.show(vm.actions(), result.entry(), owner().orElse(null));
    }

    private Optional<Window> owner() {
        return Optional.ofNullable(root.getScene()).map(s -> s.getWindow());
    }
}
