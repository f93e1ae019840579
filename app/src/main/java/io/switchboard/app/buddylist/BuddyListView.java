package io.switchboard.app.buddylist;

import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.ui.LazyTooltip;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.SubscriptionRequest;

import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The buddy list screen: toolbar (filter, show offline, sort, add), error banner, pending
 * subscription requests, and the virtualised list of groups and contacts. Renders
 * {@link BuddyListViewModel} and forwards what the user does; dialogs only collect input.
 */
public final class BuddyListView {

    private final BuddyListViewModel vm;
    private final VBox root = new VBox();
    private final ListView<BuddyRow> list = new ListView<>();
    private final VBox requests = new VBox();
    private BuddyRow dragged;
    /** Opens a contact's directory card; null (no menu item) without a company directory. */
    private java.util.function.Consumer<Address> contactCards;

    /**
     * The buddy list's style sheet, for the scene that shows it. On the scene rather than on this
     * view's root: a root's sheet is dropped (and parsed again at the next sign-in) when the view
     * goes away with its session; the scene keeps it for the whole run.
     */
    public static final String STYLESHEET = Objects.requireNonNull(
            BuddyListView.class.getResource("buddy-list.css"), "buddy-list.css").toExternalForm();

    public BuddyListView(BuddyListViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        root.getStyleClass().add("buddy-list");

        list.setId("buddy-list");
        keepSelectionWhenRowsMove(() -> list.setItems(vm.rows()));
        list.setAccessibleText("Contacts");
        list.setPlaceholder(new Label("No contacts to show"));
        list.setCellFactory(v -> new BuddyCell(vm, () -> dragged, (row, on) -> dragged = on ? row : null));
        list.setContextMenu(contextMenu());
        list.setOnKeyPressed(e -> {
            BuddyRow row = list.getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            switch (e.getCode()) {
                case ENTER -> vm.activate(row);
                case DELETE -> removeWithConfirmation(row);
                case F2 -> rename(row);
                case LEFT -> expand(row, false);
                case RIGHT -> expand(row, true);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        requests.getStyleClass().add("subscription-requests");
        vm.pendingRequests().addListener((ListChangeListener<SubscriptionRequest>) c -> showRequests());
        showRequests();

        root.getChildren().addAll(toolbar(), errorBanner(), requests, list);
    }

    /** Offers "Contact card" in a contact's menu, opened by {@code opener} (the company directory's). */
    public void onContactCard(java.util.function.Consumer<Address> opener) {
        this.contactCards = Objects.requireNonNull(opener, "opener");
    }

    /** A pane whose children are the screen's parts (toolbar, banner, requests, list). */
    public Pane root() {
        return root;
    }

    /**
     * A row that moves (sorted by availability, its presence changed) or a rebuild of the list
     * (a burst of changes) makes the list view move or drop its selection; the row the user
     * had selected is selected again, so keyboard users do not lose their place. Listeners
     * run in the order they were added: the one before {@code setItems} marks the change as
     * ours, so the selection model's reaction is not taken for the user's; the one after
     * restores the selection once the selection model is done.
     */
    private void keepSelectionWhenRowsMove(Runnable setItems) {
        boolean[] rowsChanging = new boolean[1];
        BuddyRow[] wanted = new BuddyRow[1];
        vm.rows().addListener((ListChangeListener<BuddyRow>) c -> rowsChanging[0] = true);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!rowsChanging[0]) {
                wanted[0] = row;
            }
        });
        setItems.run();
        ObservableList<BuddyRow> items = vm.rows();
        items.addListener((ListChangeListener<BuddyRow>) c -> {
            rowsChanging[0] = false;
            if (wanted[0] != null && list.getSelectionModel().getSelectedItem() != wanted[0]) {
                int at = items.indexOf(wanted[0]);
                if (at >= 0) {
                    list.getSelectionModel().clearAndSelect(at);
                    list.getFocusModel().focus(at);
                }
            }
        });
    }

    private Node toolbar() {
        CustomTextField filter = new CustomTextField();
        filter.setId("buddy-filter");
        // short enough to show whole beside the other tools in a narrow window; the tooltip says the rest
        filter.setPromptText("Filter");
        LazyTooltip.install(filter, "Filter by name, address or note");
        filter.setAccessibleText("Filter contacts");
        filter.setLeft(new FontIcon(Material2MZ.SEARCH));
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);

        ToggleButton offline = new ToggleButton(null, new FontIcon(Material2MZ.VISIBILITY));
        offline.setId("buddy-show-offline");
        offline.getStyleClass().add(Styles.BUTTON_ICON);
        LazyTooltip.install(offline, "Show offline contacts");
        offline.setAccessibleText("Show offline contacts");
        offline.selectedProperty().bindBidirectional(vm.showOfflineProperty());

        MenuButton sort = sortChoice();

        Button add = new Button("_Add", new FontIcon(Material2MZ.PERSON_ADD));
        add.setId("buddy-add");
        add.setMnemonicParsing(true);
        LazyTooltip.install(add, "Add a contact");
        add.setAccessibleText("Add contact");
        add.setOnAction(e -> addContact());

        add.setMinWidth(Region.USE_PREF_SIZE);
        sort.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(filter, offline, sort, add);
        bar.getStyleClass().add("buddy-toolbar");
        return bar;
    }

    /**
     * The sort order, as a menu of the orders: a menu button rather than a combo box, whose skin
     * builds a list view for its popup (20 ms of the UI thread when the main window was first styled).
     */
    private MenuButton sortChoice() {
        MenuButton sort = new MenuButton();
        sort.setId("buddy-sort");
        LazyTooltip.install(sort, "Sort contacts by");
        ToggleGroup orders = new ToggleGroup();
        for (SortOrder order : SortOrder.values()) {
            RadioMenuItem item = new RadioMenuItem(order.label());
            item.setUserData(order);
            item.setToggleGroup(orders);
            item.setOnAction(e -> vm.sortOrderProperty().set(order));
            sort.getItems().add(item);
        }
        showSortOrder(sort, orders, vm.sortOrderProperty().get());
        vm.sortOrderProperty().addListener((obs, was, now) -> showSortOrder(sort, orders, now));
        return sort;
    }

    private static void showSortOrder(MenuButton sort, ToggleGroup orders, SortOrder shown) {
        SortOrder order = shown == null ? SortOrder.BY_NAME : shown;
        sort.setText(order.label());
        sort.setAccessibleText("Sort contacts by: " + order.label());
        orders.getToggles().stream().filter(t -> t.getUserData() == order).findFirst().ifPresent(orders::selectToggle);
    }

    private Node errorBanner() {
        Message error = new Message("Something went wrong", "", new FontIcon(Material2AL.ERROR_OUTLINE));
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(vm.errorMessageProperty());
        error.visibleProperty().bind(vm.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnClose(e -> vm.dismissError());
        error.setAccessibleRole(AccessibleRole.TEXT);
        error.accessibleTextProperty().bind(vm.errorMessageProperty());
        return error;
    }

    private void showRequests() {
        requests.getChildren().setAll(vm.pendingRequests().stream().map(this::requestNotice).toList());
    }

    private Node requestNotice(SubscriptionRequest r) {
        String detail = "wants to see your presence"
                + (r.message().isBlank() ? "" : ": \u201c" + r.message() + "\u201d");
        String text = r.from() + " " + detail;
        Label who = new Label(r.from().toString());
        who.getStyleClass().add(Styles.TEXT_BOLD);
        Label what = new Label(detail);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        VBox label = new VBox(who, what);
        label.setMinWidth(0);
        HBox.setHgrow(label, Priority.ALWAYS);
        FontIcon icon = new FontIcon(Material2MZ.PERSON_ADD);
        Button accept = new Button("Accept");
        accept.getStyleClass().add(Styles.SUCCESS);
        accept.setAccessibleText("Accept " + r.from());
        accept.setOnAction(e -> vm.acceptRequest(r));
        Button deny = new Button("Deny");
        deny.setAccessibleText("Deny " + r.from());
        deny.setOnAction(e -> vm.denyRequest(r));
        accept.setMinWidth(Region.USE_PREF_SIZE);
        deny.setMinWidth(Region.USE_PREF_SIZE);
        HBox notice = new HBox(icon, label, accept, deny);
        notice.getStyleClass().add("subscription-request");
        notice.setAccessibleText(text);
        return notice;
    }

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> menu.getItems().setAll(menuItems(list.getSelectionModel().getSelectedItem())));
        // filled before the list asks it to show: a context menu without items refuses to show at all,
        // so filling it only when it is showing left right-click (and the menu key) without a menu
        list.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                e -> menu.getItems().setAll(menuItems(list.getSelectionModel().getSelectedItem())));
        return menu;
    }

    private java.util.List<MenuItem> menuItems(BuddyRow row) {
        if (row instanceof GroupRow g) {
            MenuItem toggle = new MenuItem(g.isExpanded() ? "Collapse" : "Expand");
            toggle.setOnAction(e -> vm.toggleExpanded(g));
            return java.util.List.of(toggle);
        }
        if (!(row instanceof ContactRow c)) {
            return java.util.List.of();
        }
        MenuItem chat = new MenuItem("_Chat", new FontIcon(Material2AL.CHAT));
        chat.setAccelerator(new KeyCodeCombination(KeyCode.ENTER));
        chat.setOnAction(e -> vm.openChat(c.item()));
        java.util.List<MenuItem> callItems = new java.util.ArrayList<>();
        if (vm.canOfferCalls()) {
            // double-click and Enter stay "chat"; calling is a deliberate choice from the menu
            MenuItem call = new MenuItem("C_all", new FontIcon(Material2AL.CALL));
            call.setId("buddy-call");
            call.setOnAction(e -> vm.call(c.item()));
            call.setDisable(!vm.canCallProperty().get());
            callItems.add(call);
        }
        if (vm.phoneStatus().isAvailable()) {
            Address address = c.item().address();
            CheckMenuItem phoneStatus = new CheckMenuItem("Show _phone status");
            phoneStatus.setId("buddy-phone-status");
            phoneStatus.setSelected(vm.phoneStatus().isShown(address));
            phoneStatus.setOnAction(e -> vm.phoneStatus().setShown(address, phoneStatus.isSelected()));
            callItems.add(phoneStatus);
        }
        MenuItem rename = new MenuItem("Re_name\u2026", new FontIcon(Material2AL.EDIT));
        rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        rename.setOnAction(e -> rename(c));
        Menu move = new Menu("_Move to", new FontIcon(Material2MZ.MOVE_TO_INBOX));
        for (String group : vm.groupNames()) {
            if (vm.canMove(c, group)) {
                MenuItem target = new MenuItem(group);
                target.setMnemonicParsing(false);
                target.setOnAction(e -> vm.moveContact(c, group));
                move.getItems().add(target);
            }
        }
        if (!c.group().equals(ContactGroup.UNGROUPED) && !vm.groupNames().contains(ContactGroup.UNGROUPED)) {
            MenuItem ungrouped = new MenuItem(ContactGroup.UNGROUPED);
            ungrouped.setOnAction(e -> vm.moveContact(c, ContactGroup.UNGROUPED));
            move.getItems().add(ungrouped);
        }
        MenuItem newGroup = new MenuItem("New group\u2026");
        newGroup.setOnAction(e -> ask("Move to a new group", "Group name:", "")
                .ifPresent(name -> vm.moveContact(c, name)));
        move.getItems().addAll(new SeparatorMenuItem(), newGroup);
        MenuItem remove = new MenuItem("_Remove\u2026", new FontIcon(Material2AL.DELETE));
        remove.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        remove.setOnAction(e -> removeWithConfirmation(c));
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        items.add(chat);
        if (contactCards != null) {
            MenuItem card = new MenuItem("Contact car_d", new FontIcon(Material2AL.ACCOUNT_BOX));
            card.setId("buddy-contact-card");
            card.setOnAction(e -> contactCards.accept(c.item().address()));
            items.add(card);
        }
        items.addAll(callItems);
        items.addAll(java.util.List.of(rename, move, new SeparatorMenuItem(), remove));
        return items;
    }

    private void expand(BuddyRow row, boolean expanded) {
        if (row instanceof GroupRow g) {
            vm.setExpanded(g, expanded);
        }
    }

    private void rename(BuddyRow row) {
        if (row instanceof ContactRow c) {
            ask("Rename " + c.item().address(), "Name:", c.item().getDisplayName())
                    .ifPresent(name -> vm.renameContact(c.item(), name));
        }
    }

    private void removeWithConfirmation(BuddyRow row) {
        if (!(row instanceof ContactRow c)) {
            return;
        }
        ButtonType remove = new ButtonType("_Remove", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, null, remove, ButtonType.CANCEL);
        confirm.setTitle("Remove contact");
        confirm.setHeaderText("Remove " + c.item().getDisplayName() + " (" + c.item().address() + ")?");
        confirm.setContentText("They are removed from every group and no longer see your presence.");
        owner().ifPresent(confirm::initOwner);
        if (confirm.showAndWait().filter(remove::equals).isPresent()) {
            vm.removeContact(c.item());
        }
    }

    private void addContact() {
        AddContactViewModel form = vm.newAddContactForm();
        new AddContactDialog(form, owner().orElse(null)).showAndWait()
                .filter(AddContactDialog.ADD::equals)
                .ifPresent(b -> form.submit());
    }

    private java.util.Optional<String> ask(String title, String prompt, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        owner().ifPresent(dialog::initOwner);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private java.util.Optional<Window> owner() {
        return java.util.Optional.ofNullable(root.getScene()).map(s -> s.getWindow());
    }
}
