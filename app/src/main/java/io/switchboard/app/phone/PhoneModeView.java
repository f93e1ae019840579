package io.switchboard.app.phone;

import atlantafx.base.theme.Styles;
import io.switchboard.app.settings.CallMode;

import java.util.Objects;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * The main window's phone switch: "Calls: [Softphone ▾] [1001] Use", what is in use, and why a
 * switch did not happen. Choosing the softphone switches at once; the desk phone needs its line.
 */
public final class PhoneModeView {

    private final VBox root;

    public PhoneModeView(PhoneModeViewModel vm) {
        Objects.requireNonNull(vm, "vm");
        Label title = new Label("Calls:");
        ComboBox<CallMode> mode = new ComboBox<>(FXCollections.observableArrayList(CallMode.values()));
        mode.setId("phone-mode");
        mode.setAccessibleText("Calls use this computer or your desk phone");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        TextField line = new TextField();
        line.setId("phone-mode-line");
        line.setPromptText("line");
        line.setPrefColumnCount(6);
        line.setAccessibleText("Your desk phone's line");
        line.textProperty().bindBidirectional(vm.deskLineProperty());
        line.visibleProperty().bind(vm.modeProperty().isEqualTo(CallMode.DESK_PHONE));
        line.managedProperty().bind(line.visibleProperty());
        line.setOnAction(e -> vm.apply());
        if (vm.isLineLocked()) {
            line.setEditable(false);   // still focusable and readable; only the administrator changes it
            administered(line);
        }
        Button use = new Button("Use");
        use.setId("phone-mode-apply");
        use.setAccessibleText("Use the chosen phone for calls");
        use.setOnAction(e -> vm.apply());
        use.disableProperty().bind(vm.switchingProperty().or(vm.availableProperty().not()));
        mode.setOnAction(e -> {
            if (mode.getValue() == CallMode.SOFTPHONE) {
                vm.apply();
            }
        });
        mode.disableProperty().bind(vm.switchingProperty().or(vm.availableProperty().not())
                .or(new javafx.beans.property.SimpleBooleanProperty(vm.isModeLocked())));
        if (vm.isModeLocked()) {
            administered(mode);
            use.setVisible(!vm.isModeLocked() || !vm.isLineLocked() && vm.modeProperty().get() == CallMode.DESK_PHONE);
            use.setManaged(use.isVisible());
        }
        Label inUse = new Label();
        inUse.setId("phone-mode-in-use");
        inUse.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        inUse.textProperty().bind(vm.inUseProperty().map(phone -> "In use: " + phone));
        HBox row = new HBox(6, title, mode, line, use, inUse);
        row.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("phone-mode-error");
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnMouseClicked(e -> vm.dismissError());
        root = new VBox(2, row, error);
        root.setPadding(new Insets(0, 12, 4, 12));
    }

    private static void administered(javafx.scene.control.Control control) {
        control.setTooltip(new javafx.scene.control.Tooltip("Set by your administrator"));
        control.setAccessibleText(control.getAccessibleText() + "; set by your administrator");
    }

    public Pane root() {
        return root;
    }
}
