package io.switchboard.app.phone;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.switchboard.app.ui.LazyTooltip;

import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The dial box above the contacts: a field for whom to call and the call button; Enter dials. */
public final class DialBoxView {

    private final VBox root = new VBox(4);

    public DialBoxView(DialViewModel vm) {
        Objects.requireNonNull(vm, "vm");
        CustomTextField field = new CustomTextField();
        field.setId("dial-box");
        field.setLeft(new FontIcon(Material2AL.DIALPAD));
        field.promptTextProperty().bind(vm.promptProperty());
        field.setAccessibleText("Whom to call: a name, an address or a number");
        field.textProperty().bindBidirectional(vm.textProperty());
        field.setOnAction(e -> vm.dial());
        HBox.setHgrow(field, Priority.ALWAYS);

        Button call = new Button(null, new FontIcon(Material2MZ.PHONE));
        call.setId("dial-call");
        call.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SUCCESS);
        call.setAccessibleText("Call");
        LazyTooltip.install(call, "Call");
        call.disableProperty().bind(vm.canDialProperty().not());
        call.setOnAction(e -> vm.dial());

        Label message = new Label();
        message.setId("dial-message");
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setOnMouseClicked(e -> vm.dismissMessage());

        HBox line = new HBox(6, field, call);
        line.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(line, message);
        root.getStyleClass().add("dial-box");
    }

    public Pane root() {
        return root;
    }
}
