package io.switchboard.app.directory;

import atlantafx.base.theme.Styles;

import java.util.List;
import java.util.stream.Stream;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A person's contact card: photo, name with presence, title and department, phones (a click calls
 * the number), mail (a click writes to them), and Chat, Call, Add to contacts. A small window of
 * its own over the main window; Escape closes it. The actions are {@link DirectoryActions}'.
 */
public final class ContactCardView {

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final DirectoryResult person;
    private final DirectoryActions actions;

    public ContactCardView(DirectoryResult person, DirectoryActions actions, Window owner, List<String> stylesheets) {
        this.person = person;
        this.actions = actions;
        if (owner != null) {
            stage.initOwner(owner);
        }
        PresenceIcon dot = new PresenceIcon();
        dot.follow(person.presence());
        Label name = new Label(person.name());
        name.setId("card-name");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        HBox nameLine = new HBox(8, dot.node(), name);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        Label role = new Label(person.role());
        role.setId("card-role");
        role.getStyleClass().add(Styles.TEXT_MUTED);
        role.setWrapText(true);
        Label address = new Label(person.entry().address().toString());
        address.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox heading = new VBox(2, nameLine, role, address);
        HBox top = new HBox(14, Avatar.of(person, 64), heading);
        top.setAlignment(Pos.CENTER_LEFT);

        // the actions at the foot of the card, however many lines the details take
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        VBox.setVgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        VBox root = new VBox(14, top, new javafx.scene.control.Separator(), details(), spacer, buttons());
        root.setPadding(new Insets(18));
        root.getStyleClass().add("contact-card");
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        // room for a card with a work and a mobile number and mail without the window resizing per person
        Scene scene = new Scene(root, 400, 320);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle("Contact card — " + person.name());
        stage.setResizable(false);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private Node details() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("contact-card-details");
        int row = 0;
        for (String number : person.entry().workPhones()) {
            grid.addRow(row++, caption("Work"), phone(number));
        }
        for (String number : person.entry().mobilePhones()) {
            grid.addRow(row++, caption("Mobile"), phone(number));
        }
        if (person.entry().mail().isPresent()) {
            Hyperlink mail = new Hyperlink(person.mail());
            mail.setId("card-mail");
            mail.setAccessibleText("Write to " + person.mail());
            mail.setOnAction(e -> actions.email(person.entry()));
            grid.addRow(row++, caption("Email"), mail);
        }
        if (row == 0) {
            grid.addRow(0, caption("The directory has no phone or mail for this person."));
        }
        return grid;
    }

    /** A number: a link that calls it when calls are possible, plain text otherwise. */
    private Node phone(String number) {
        if (!actions.canOfferCalls()) {
            Label plain = new Label(number);
            plain.getStyleClass().add("card-phone");
            return plain;
        }
        Hyperlink link = new Hyperlink(number, new FontIcon(Material2MZ.PHONE));
        link.getStyleClass().add("card-phone");
        link.setAccessibleText("Call " + number);
        link.setOnAction(e -> actions.callNumber(number));
        return link;
    }

    private static Label caption(String text) {
        Label caption = new Label(text);
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return caption;
    }

    private Node buttons() {
        Button chat = new Button("Chat", new FontIcon(Material2AL.CHAT));
        chat.setId("card-chat");
        chat.setOnAction(e -> actions.chat(person.entry()));
        Button call = new Button("Call", new FontIcon(Material2AL.CALL));
        call.setId("card-call");
        call.getStyleClass().add(Styles.SUCCESS);
        call.setOnAction(e -> actions.call(person.entry()));
        call.setVisible(actions.canOfferCalls());
        call.setManaged(actions.canOfferCalls());
        Button add = new Button("Add to contacts", new FontIcon(Material2MZ.PERSON_ADD));
        add.setId("card-add");
        add.setOnAction(e -> AddToContacts.show(actions, person.entry(), stage));
        HBox buttons = new HBox(8, Stream.of(chat, call, add).toArray(Node[]::new));
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }
}
