package io.switchboard.app.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import atlantafx.base.theme.Styles;

/**
 * The conversation window: one tab per conversation of {@link ChatViewModel}. It owns its stage,
 * created the first time the view model asks to show it, and reports the stage's focus back.
 * Must be created on the JavaFX thread.
 */
public final class ChatWindowView {

    private static final String STYLESHEET = Objects.requireNonNull(
            ChatWindowView.class.getResource("chat.css"), "chat.css").toExternalForm();

    private final ChatViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Map<ConversationViewModel, ConversationTab> tabsByConversation = new HashMap<>();
    private Stage stage;

    public ChatWindowView(ChatViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        vm.conversations().forEach(this::addTab);
        vm.conversations().addListener((ListChangeListener<ConversationViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                change.getAddedSubList().forEach(this::addTab);
            }
            if (vm.conversations().isEmpty() && stage != null) {
                // the last tab closed: nothing left to show
                stage.hide();
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null) {
                vm.selectedProperty().set((ConversationViewModel) tab.getUserData());
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> select(now));
        select(vm.selectedProperty().get());
        vm.onWindowRequest(this::show);
    }

    /**
     * Builds the view only when {@code vm} first asks for its window (a conversation opened or a
     * message received), then hands it to {@code built}: most sign-ins never open a conversation
     * at once, and building its tab pane in the sign-in's last UI task made that task longer.
     * Conversations started before then get their tabs when the view is built.
     */
    public static void buildOnFirstRequest(ChatViewModel vm, Consumer<ChatWindowView> built) {
        Objects.requireNonNull(built, "built");
        vm.onWindowRequest(first -> {
            ChatWindowView view = new ChatWindowView(vm);   // takes the view model's window requests from now on
            built.accept(view);
            view.show(first);
        });
    }

    /** The window, once the view model asked for it. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    private void show(WindowRequest request) {
        Stage window = ensureStage();
        if (request == WindowRequest.SHOW_AND_FOCUS) {
            window.setIconified(false);
            window.show();
            window.toFront();
            window.requestFocus();
        } else if (!window.isShowing()) {
            // shown minimised: the new tab waits in the task bar and the notification points to it
            window.setIconified(true);
            window.show();
        }
    }

    private Stage ensureStage() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("Conversations — Switchboard");
            BorderPane root = new BorderPane(tabs);
            root.setTop(errorBanner());
            Scene scene = new Scene(root, 560, 640);
            scene.getStylesheets().add(STYLESHEET);
            stage.setScene(scene);
            stage.setMinWidth(320);
            stage.setMinHeight(300);
            vm.windowFocusedProperty().bind(stage.focusedProperty());
            // closing the window ends its conversations, as closing every tab would
            stage.setOnCloseRequest(e -> vm.closeAll());
        }
        return stage;
    }

    private HBox errorBanner() {
        Label message = new Label();
        message.textProperty().bind(vm.errorProperty());
        message.setWrapText(true);
        message.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismiss.setAccessibleText("Dismiss");
        dismiss.setOnAction(e -> vm.dismissError());
        HBox banner = new HBox(message, dismiss);
        banner.getStyleClass().add("chat-error");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void addTab(ConversationViewModel conversation) {
        ConversationTab view = new ConversationTab(conversation, vm::openLink);
        Tab tab = view.tab();
        tab.setOnCloseRequest(e -> {
            // the view model decides; the list change then removes the tab
            e.consume();
            vm.close(conversation);
        });
        tabsByConversation.put(conversation, view);
        tabs.getTabs().add(tab);
    }

    private void removeTab(ConversationViewModel conversation) {
        ConversationTab view = tabsByConversation.remove(conversation);
        if (view != null) {
            tabs.getTabs().remove(view.tab());
        }
    }

    private void select(ConversationViewModel conversation) {
        if (conversation == null) {
            return;
        }
        ConversationTab view = tabsByConversation.get(conversation);
        if (view != null && tabs.getSelectionModel().getSelectedItem() != view.tab()) {
            tabs.getSelectionModel().select(view.tab());
        }
    }
}
