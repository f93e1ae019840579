package io.switchboard.app.phone;

import atlantafx.base.theme.Styles;

import java.util.List;
import java.util.Objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The small window of a call ringing here: a stage of its own, always on top and without an owner,
 * so it shows even while the main window is minimised or behind other windows. Enter answers,
 * Escape declines. It closes when its view model says so.
 */
public final class IncomingCallView {

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final IncomingCallViewModel vm;

    public IncomingCallView(IncomingCallViewModel vm, List<String> stylesheets) {
        this.vm = Objects.requireNonNull(vm, "vm");
        Label title = new Label("Incoming call", new FontIcon(Material2MZ.PHONE_IN_TALK));
        title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label name = new Label();
        name.setId("incoming-caller");
        name.textProperty().bind(vm.callerNameProperty());
        name.getStyleClass().addAll(Styles.TITLE_3);
        Label role = new Label();
        role.setId("incoming-caller-role");
        role.textProperty().bind(vm.callerRoleProperty());
        role.visibleProperty().bind(vm.callerRoleProperty().isNotEmpty());
        role.managedProperty().bind(role.visibleProperty());
        Label address = new Label(vm.callerAddress());
        address.getStyleClass().addAll(Styles.TEXT_MUTED);
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());

        Button answer = new Button("Answer", new FontIcon(Material2AL.CALL));
        answer.setId("incoming-answer");
        answer.getStyleClass().add(Styles.SUCCESS);
        answer.setDefaultButton(true);
        answer.setAccessibleText("Answer the call from " + vm.callerAddress());
        answer.setOnAction(e -> vm.answer());
        Button decline = new Button("Decline", new FontIcon(Material2AL.CALL_END));
        decline.setId("incoming-decline");
        decline.getStyleClass().add(Styles.DANGER);
        decline.setCancelButton(true);
        decline.setAccessibleText("Decline the call from " + vm.callerAddress());
        decline.setOnAction(e -> vm.decline());
        answer.setMaxWidth(Double.MAX_VALUE);
        decline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(answer, Priority.ALWAYS);
        HBox.setHgrow(decline, Priority.ALWAYS);
        HBox buttons = new HBox(8, decline, answer);
        buttons.setAlignment(Pos.CENTER);

        VBox root = new VBox(6, title, name, role, address, error, buttons);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("incoming-call");
        Scene scene = new Scene(root, 300, 190);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle("Incoming call — " + vm.callerAddress());
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        // closing the window by its title bar declines, as Escape does
        stage.setOnCloseRequest(e -> vm.decline());
        vm.closedProperty().addListener((obs, was, closed) -> {
            if (closed) {
                stage.hide();
            }
        });
        stage.setOnShown(e -> answer.requestFocus());
        placeTopRight();
    }

    /** Shows the window and brings it to the front; it does not wait for the user. */
    public void show() {
        if (!stage.isShowing() && !vm.closedProperty().get()) {
            stage.show();
            stage.toFront();
        }
    }

    public Stage stage() {
        return stage;
    }

    /** Where notifications appear on most desktops: the top right corner of the main screen. */
    private void placeTopRight() {
        var bounds = Screen.getPrimary().getVisualBounds();
        stage.setX(bounds.getMaxX() - 300 - 16);
        stage.setY(bounds.getMinY() + 16);
    }
}
