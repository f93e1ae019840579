package io.switchboard.app.directory;

import atlantafx.base.theme.Styles;
import io.switchboard.app.ui.LazyTooltip;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A person in the directory's results: picture or initials, presence dot and name, "title,
 * department", phones and mail, with Chat, Call and Add buttons. Recycled as the list scrolls.
 */
final class DirectoryResultCell extends ListCell<DirectoryResult> {

    private final DirectoryActions actions;
    private final Consumer<DirectoryResult> addToContacts;
    private final PresenceIcon dot = new PresenceIcon();
    private final Label name = new Label();
    private final Label role = new Label();
    private final Label phones = new Label();
    private final Label mail = new Label();
    private final HBox avatarBox = new HBox();
    private final HBox row;

    DirectoryResultCell(DirectoryActions actions, Consumer<DirectoryResult> addToContacts) {
        this.actions = actions;
        this.addToContacts = addToContacts;
        name.getStyleClass().addAll("directory-name", Styles.TEXT_BOLD);
        role.getStyleClass().add("directory-role");
        phones.getStyleClass().add("directory-detail");
        mail.getStyleClass().add("directory-detail");
        for (Label l : new Label[] {name, role, phones, mail}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
            l.setMinWidth(0);
        }
        HBox nameLine = new HBox(6, dot.node(), name);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(1, nameLine, role, phones, mail);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button chat = iconButton(new FontIcon(Material2AL.CHAT), "Chat", "directory-chat");
        chat.setOnAction(e -> actions.chat(getItem().entry()));
        Button call = iconButton(new FontIcon(Material2AL.CALL), "Call", "directory-call");
        call.setOnAction(e -> actions.call(getItem().entry()));
        call.setVisible(actions.canOfferCalls());
        call.setManaged(actions.canOfferCalls());
        Button add = iconButton(new FontIcon(Material2MZ.PERSON_ADD), "Add to contacts", "directory-add");
        add.setOnAction(e -> addToContacts.accept(getItem()));
        HBox buttons = new HBox(2, chat, call, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(HBox.USE_PREF_SIZE);

        // the list's width, not the longest title's: long lines end in "…" and the buttons stay in view
        setPrefWidth(0);
        avatarBox.setAlignment(Pos.TOP_CENTER);
        row = new HBox(10, avatarBox, text, buttons);
        row.getStyleClass().add("directory-result");
        row.setAlignment(Pos.CENTER_LEFT);
    }

    private Button iconButton(FontIcon icon, String what, String styleClass) {
        Button button = new Button(null, icon);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, styleClass);
        button.setFocusTraversable(false);   // the list is the keyboard's place; the menu has every action
        button.setAccessibleText(what);
        LazyTooltip.install(button, what);
        return button;
    }

    @Override
    protected void updateItem(DirectoryResult item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            dot.follow(null);
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        avatarBox.getChildren().setAll(Avatar.of(item, 40));
        dot.follow(item.presence());
        name.setText(item.name());
        role.setText(item.role());
        phones.setText(item.phones());
        mail.setText(item.mail());
        setAccessibleText(item.accessibleText());
        setGraphic(row);
    }
}
