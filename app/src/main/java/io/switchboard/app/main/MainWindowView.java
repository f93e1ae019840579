package io.switchboard.app.main;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.switchboard.app.about.AboutView;
import io.switchboard.app.about.AboutViewModel;
import io.switchboard.app.preferences.PreferencesDialog;
import io.switchboard.app.settings.Theme;
import io.switchboard.app.ui.LazyTooltip;
import io.switchboard.core.model.Availability;

import java.util.Objects;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: menu, my identity and presence, the connection banner, and the buddy list
 * in the centre (built elsewhere and handed in). Thin: layout, bindings, forwarding.
 */
public final class MainWindowView {

    private final BorderPane root = new BorderPane();
    private final VBox top;
    private final MainWindowViewModel viewModel;
    private final AboutViewModel about;

    public MainWindowView(MainWindowViewModel viewModel, Node buddyList, AboutViewModel about) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.about = Objects.requireNonNull(about, "about");
        Objects.requireNonNull(buddyList, "buddyList");
        top = new VBox(menuBar(), header(), banner(), notice());
        root.setTop(top);
        root.setCenter(buddyList);
        root.getStyleClass().add("main-window");
    }

    public Parent root() {
        return root;
    }

    /** Menu, identity and banners above the buddy list: their parts can be styled one at a time. */
    public Pane top() {
        return top;
    }

    private MenuBar menuBar() {
        MenuItem signOut = new MenuItem("Sign _out", new FontIcon(Material2AL.EXIT_TO_APP));
        signOut.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        signOut.setOnAction(e -> viewModel.signOut());
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        MenuItem preferences = new MenuItem("_Preferences…", new FontIcon(Material2MZ.SETTINGS));
        preferences.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        preferences.setOnAction(e -> showPreferences());
        Menu app = new Menu("_Switchboard", null, preferences, new SeparatorMenuItem(), signOut,
                new SeparatorMenuItem(), quit);

        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.setSelected(viewModel.theme().get() == Theme.DARK);
        viewModel.theme().addListener((obs, was, now) -> dark.setSelected(now == Theme.DARK));
        dark.setOnAction(e -> viewModel.toggleTheme());
        Menu view = new Menu("_View", null, dark);

        MenuItem about = new MenuItem("_About Switchboard");
        about.setId("menu-about");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, about);
        return new MenuBar(app, view, help);
    }

    private Node header() {
        FontIcon avatar = new FontIcon(Material2AL.ACCOUNT_CIRCLE);
        avatar.getStyleClass().add("self-avatar");
        Label name = new Label(viewModel.selfName());
        name.getStyleClass().addAll(Styles.TEXT_BOLD);
        Label address = new Label(viewModel.selfAddress());
        address.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox identity = new VBox(2, name, address);

        Button theme = iconButton(Material2AL.BRIGHTNESS_4, "Switch between light and dark theme");
        theme.setOnAction(e -> viewModel.toggleTheme());
        Button preferences = iconButton(Material2MZ.SETTINGS, "Preferences");
        preferences.setId("preferencesButton");
        preferences.setOnAction(e -> showPreferences());
        Button signOut = iconButton(Material2AL.EXIT_TO_APP, "Sign out");
        signOut.setOnAction(e -> viewModel.signOut());
        HBox top = new HBox(10, avatar, identity, new Spacer(), theme, preferences, signOut);
        top.setAlignment(Pos.CENTER_LEFT);

        MenuButton picker = presencePicker();
        // while disconnected there is nothing to pick: a grey "Offline" stands in for the picker
        Label offline = new Label(Availability.OFFLINE.label(), PresenceDot.of(Availability.OFFLINE));
        offline.setId("offlinePresence");
        offline.setAccessibleText("My presence: " + Availability.OFFLINE.label());
        offline.getStyleClass().add(Styles.TEXT_MUTED);
        ObservableBooleanValue online = viewModel.connectedProperty();
        picker.visibleProperty().bind(online);
        picker.managedProperty().bind(online);
        offline.visibleProperty().bind(viewModel.connectedProperty().not());
        offline.managedProperty().bind(viewModel.connectedProperty().not());

        TextField note = new TextField();
        note.setId("presenceNote");
        note.setPromptText("What are you up to?");
        note.setAccessibleText("Presence note");
        LazyTooltip.install(note, "Press Enter to publish your note");
        note.textProperty().bindBidirectional(viewModel.noteProperty());
        note.setOnAction(e -> viewModel.commitNote());
        note.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.commitNote();
            }
        });
        note.disableProperty().bind(viewModel.connectedProperty().not());
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox presence = new HBox(8, picker, offline, note);
        presence.setAlignment(Pos.CENTER_LEFT);

        VBox header = new VBox(10, top, presence);
        header.setPadding(new Insets(12));
        header.getStyleClass().add("self-header");
        return header;
    }

    private Node banner() {
        Message message = new Message("", "", new FontIcon(Material2MZ.SYNC));
        message.setId("connectionBanner");
        message.descriptionProperty().bind(viewModel.bannerTextProperty());
        message.accessibleTextProperty().bind(viewModel.bannerTextProperty());
        viewModel.bannerKindProperty().addListener((obs, was, now) -> styleBanner(message, now));
        styleBanner(message, viewModel.bannerKindProperty().get());

        Button again = new Button("Sign in _again");
        again.setOnAction(e -> viewModel.signOut());
        ObservableBooleanValue failed = viewModel.bannerKindProperty().isEqualTo(BannerKind.FAILED);
        again.visibleProperty().bind(failed);
        again.managedProperty().bind(failed);

        VBox banner = new VBox(6, message, again);
        banner.setPadding(new Insets(6, 12, 6, 12));
        ObservableBooleanValue shown = viewModel.bannerKindProperty().isNotEqualTo(BannerKind.NONE);
        banner.visibleProperty().bind(shown);
        banner.managedProperty().bind(shown);
        return banner;
    }

    private Node notice() {
        Message message = new Message("", "", new FontIcon(Material2AL.INFO));
        message.getStyleClass().add(Styles.ACCENT);
        message.descriptionProperty().bind(viewModel.noticeProperty());
        message.setOnClose(e -> viewModel.showNotice(""));
        ObservableBooleanValue shown = viewModel.noticeProperty().isNotEmpty();
        message.visibleProperty().bind(shown);
        message.managedProperty().bind(shown);
        VBox box = new VBox(message);
        box.setPadding(new Insets(0, 12, 6, 12));
        box.visibleProperty().bind(shown);
        box.managedProperty().bind(shown);
        return box;
    }

    private static void styleBanner(Message message, BannerKind kind) {
        message.setTitle(kind == BannerKind.FAILED ? "Disconnected" : "Reconnecting");
        message.getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
        message.getStyleClass().add(kind == BannerKind.FAILED ? Styles.DANGER : Styles.WARNING);
        message.setGraphic(new FontIcon(kind == BannerKind.FAILED ? Material2MZ.WIFI_OFF : Material2MZ.SYNC));
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String text) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        LazyTooltip.install(button, text);
        button.setAccessibleText(text);
        return button;
    }

    private void showPreferences() {
        new PreferencesDialog(viewModel.preferences(), root.getScene().getWindow()).showAndWait();
    }

    private void showAbout() {
        new AboutView(about, root.getScene().getWindow()).showAndWait();
    }

    /**
     * My availability, and a menu of the others. A menu button rather than a combo box: the combo
     * box's skin builds a list view for its popup and took 30-40 ms of the UI thread when the main
     * window was first styled (about 10 ms for this).
     */
    private MenuButton presencePicker() {
        MenuButton picker = new MenuButton();
        picker.setId("presencePicker");
        for (Availability choice : MainWindowViewModel.CHOICES) {
            MenuItem item = new MenuItem(choice.label(), PresenceDot.of(choice));
            item.setOnAction(e -> viewModel.choose(choice));
            picker.getItems().add(item);
        }
        showOn(picker, viewModel.shownAvailability().get());
        viewModel.shownAvailability().addListener((obs, was, now) -> showOn(picker, now));
        return picker;
    }

    private static void showOn(MenuButton picker, Availability shown) {
        Availability availability = shown == null ? Availability.OFFLINE : shown;
        picker.setText(availability.label());
        picker.setGraphic(PresenceDot.of(availability));
        // a screen reader says what the button is and what it shows, as it did for the combo box's value
        picker.setAccessibleText("My presence: " + availability.label());
    }
}
