package io.switchboard.app.chat;

import io.switchboard.core.model.PresenceColour;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;

/** The tab of one conversation: its messages, the typing line and the input area. Thin: binds and forwards. */
final class ConversationTab {

    private final ConversationViewModel vm;
    private final Tab tab = new Tab();
    private final ListView<MessageViewModel> messages = new ListView<>();
    private final TextArea input = new TextArea();

    ConversationTab(ConversationViewModel vm, Consumer<String> openLink) {
        this.vm = vm;
        tab.setUserData(vm);
        tab.textProperty().bind(vm.titleProperty());
        tab.setGraphic(presenceDot());

        messages.getStyleClass().add("chat-messages");
        messages.setItems(vm.messages());
        messages.setCellFactory(list -> new MessageCell(openLink));
        messages.setFocusTraversable(false);
        messages.setPlaceholder(new Label("No messages yet. Say hello!"));
        messages.setAccessibleText("Messages with " + vm.displayNameProperty().get());
        // follow the conversation: a new message scrolls into view, without re-laying out the others
        vm.messages().addListener((ListChangeListener<MessageViewModel>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    messages.scrollTo(vm.messages().size() - 1);
                }
            }
        });
        if (!vm.messages().isEmpty()) {
            messages.scrollTo(vm.messages().size() - 1);
        }

        Label typing = new Label();
        typing.getStyleClass().add("typing-indicator");
        typing.textProperty().bind(vm.typingTextProperty());
        typing.visibleProperty().bind(vm.peerTypingProperty());
        typing.managedProperty().bind(vm.peerTypingProperty());
        typing.setAccessibleRole(AccessibleRole.TEXT);

        BorderPane content = new BorderPane(messages);
        content.setBottom(new VBox(typing, compose()));
        tab.setContent(content);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                Platform.runLater(input::requestFocus);
            }
        });
    }

    Tab tab() {
        return tab;
    }

    ConversationViewModel viewModel() {
        return vm;
    }

    private FontIcon presenceDot() {
        FontIcon dot = new FontIcon(Material2AL.LENS);
        dot.getStyleClass().add("presence-dot");
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(vm.presenceTextProperty());
        Tooltip.install(dot, tooltip);
        dot.accessibleTextProperty().bind(vm.presenceTextProperty());
        showColour(dot, vm.presenceColourProperty().get());
        vm.presenceColourProperty().addListener((obs, old, now) -> showColour(dot, now));
        return dot;
    }

    private static void showColour(FontIcon dot, PresenceColour colour) {
        for (PresenceColour c : PresenceColour.values()) {
            dot.getStyleClass().remove(c.name().toLowerCase(Locale.ROOT));
        }
        dot.getStyleClass().add(colour.name().toLowerCase(Locale.ROOT));
    }

    private HBox compose() {
        input.getStyleClass().add("chat-input");
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.setPromptText("Write a message — Enter sends, Shift+Enter starts a new line");
        input.setAccessibleText("Message to " + vm.displayNameProperty().get());
        input.textProperty().bindBidirectional(vm.inputTextProperty());
        // a filter, so the text area's own Enter handling (a new line) never runs for plain Enter
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            e.consume();
            if (!vm.enterPressed(e.isShiftDown())) {
                input.replaceSelection("\n");
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);

        Button send = new Button("_Send", new FontIcon(Material2MZ.SEND));
        send.setMnemonicParsing(true);
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.getStyleClass().add(Styles.ACCENT);
        send.setAccessibleText("Send message");
        send.disableProperty().bind(vm.canSendProperty().not());
        send.setOnAction(e -> {
            vm.send();
            input.requestFocus();
        });

        HBox compose = new HBox(input, send);
        compose.getStyleClass().add("chat-compose");
        compose.setAlignment(Pos.BOTTOM_RIGHT);
        return compose;
    }
}
