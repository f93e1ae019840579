package io.switchboard.app.buddylist;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

/** The add-contact form as a dialog; the logic is in {@link AddContactViewModel}. */
public final class AddContactDialog extends Dialog<ButtonType> {

    public static final ButtonType ADD = new ButtonType("_Add", ButtonBar.ButtonData.OK_DONE);

    public AddContactDialog(AddContactViewModel form, Window owner) {
        setTitle("Add contact");
        setHeaderText("Add someone to your contacts. They are asked to share their presence.");
        if (owner != null) {
            initOwner(owner);
        }

        TextField address = new TextField();
        address.setId("add-contact-address");
        address.setPromptText("alice@example.com");
        address.setAccessibleText("Address");
        address.textProperty().bindBidirectional(form.addressProperty());
        Label addressError = new Label();
        addressError.setId("add-contact-error");
        addressError.getStyleClass().add(Styles.DANGER);
        addressError.textProperty().bind(form.addressErrorProperty());
        addressError.visibleProperty().bind(form.addressErrorProperty().isNotEmpty());
        addressError.managedProperty().bind(addressError.visibleProperty());
        addressError.setWrapText(true);
        address.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        form.addressErrorProperty().addListener((obs, old, error) ->
                address.pseudoClassStateChanged(Styles.STATE_DANGER, !error.isEmpty()));

        TextField name = new TextField();
        name.setPromptText("Optional");
        name.setAccessibleText("Display name");
        name.textProperty().bindBidirectional(form.displayNameProperty());

        ComboBox<String> group = new ComboBox<>(form.groupChoices());
        group.setEditable(true);
        group.setPromptText("Choose or type a new group");
        group.setAccessibleText("Group");
        group.getEditor().textProperty().bindBidirectional(form.groupProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("_Address:", address), address);
        grid.add(addressError, 1, 1);
        grid.addRow(2, label("_Name:", name), name);
        grid.addRow(3, label("_Group:", group), group);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ADD, ButtonType.CANCEL);
        getDialogPane().lookupButton(ADD).disableProperty().bind(form.validProperty().not());
        Platform.runLater(address::requestFocus);
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }
}
