package io.switchboard.app.phone;

import atlantafx.base.theme.Styles;

import java.util.List;
import java.util.Objects;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The window of one call: the other party, the call's state, timer and quality, Mute, Hold,
 * Transfer, Hang up, a keypad whose keys (also typed on the keyboard) send DTMF tones, and the
 * call volume and devices. Owns the one-second timeline
 * that ticks the timer while it shows. Closes when its view model asks; closing it hangs up.
 */
public final class CallView {

    private final CallViewModel vm;
    private final Stage stage = new Stage();
    private final Timeline ticker;

    public CallView(CallViewModel vm, List<String> stylesheets) {
        this.vm = Objects.requireNonNull(vm, "vm");

        FontIcon avatar = new FontIcon(Material2AL.ACCOUNT_CIRCLE);
        avatar.getStyleClass().add("call-avatar");
        Label name = new Label();
        name.setId("call-party");
        name.textProperty().bind(vm.partyNameProperty());
        name.getStyleClass().add(Styles.TITLE_3);
        Label address = new Label(vm.partyAddress());
        address.getStyleClass().add(Styles.TEXT_MUTED);
        // someone not in the contacts is named by the address already
        address.visibleProperty().bind(vm.partyNameProperty().isNotEqualTo(vm.partyAddress()));
        address.managedProperty().bind(address.visibleProperty());
        Label state = new Label();
        state.setId("call-state");
        state.textProperty().bind(vm.stateTextProperty());
        state.accessibleTextProperty().bind(vm.stateTextProperty());
        Label timer = new Label();
        timer.setId("call-timer");
        timer.getStyleClass().add("call-timer");
        timer.textProperty().bind(vm.timerTextProperty());
        // in desk-phone mode the user talks on the desk phone: say so where the window names the call
        Label phone = new Label(vm.phoneText());
        phone.setId("call-phone");
        phone.getStyleClass().add(Styles.TEXT_MUTED);
        showOnlyIf(phone, vm.onDeskPhone());
        VBox party = new VBox(2, avatar, name, address, state, timer, phone);
        party.setAlignment(Pos.CENTER);

        Label error = new Label();
        error.setId("call-error");
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnMouseClicked(e -> vm.dismissError());

        ToggleButton transfer = TransferPane.toggle(vm);
        // the desk phone's audio is its own: no volume or devices to pick (and no quality: the desk
        // service measures none, so its label stays empty and hidden)
        Node quality = CallQualityLabel.of(vm);
        Node audio = CallAudioBar.of(vm);
        showOnlyIf(audio, !vm.onDeskPhone());
        VBox root = new VBox(12, party, quality, error, controls(transfer),
                TransferPane.of(vm, transfer), keypad(), audio);
        root.setPadding(new Insets(16));
        root.setAlignment(Pos.TOP_CENTER);
        root.getStyleClass().add("call-window");
        Scene scene = new Scene(root, 340, 600);
        scene.getStylesheets().addAll(stylesheets);
        // digits, * and # typed anywhere in the window go out as keypad tones
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (typed.length() == 1 && CallViewModel.KEYS.indexOf(typed.charAt(0)) >= 0) {
                vm.pressKey(typed.charAt(0));
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.titleProperty().bind(vm.partyNameProperty().map(n -> "Call — " + n));
        stage.setMinWidth(260);
        stage.setMinHeight(400);
        stage.setOnCloseRequest(e -> vm.hangUp());

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        vm.endedProperty().addListener((obs, was, ended) -> {
            if (ended) {
                ticker.stop();
            }
        });
        vm.closeRequestedProperty().addListener((obs, was, close) -> {
            if (close) {
                ticker.stop();
                stage.hide();
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        if (vm.closeRequestedProperty().get()) {
            return;
        }
        if (!vm.endedProperty().get()) {
            ticker.play();
        }
        stage.show();
        stage.toFront();
    }

    private HBox controls(ToggleButton transfer) {
        ToggleButton mute = new ToggleButton("Mute", new FontIcon(Material2MZ.MIC_OFF));
        mute.setId("call-mute");
        mute.setAccessibleText("Mute my microphone");
        // the toggle follows the call, not the click: the click asks, the snapshot answers
        mute.setOnAction(e -> {
            mute.setSelected(vm.mutedProperty().get());
            vm.toggleMute();
        });
        vm.mutedProperty().addListener((obs, was, now) -> mute.setSelected(now));
        mute.setSelected(vm.mutedProperty().get());
        mute.disableProperty().bind(vm.endedProperty());
        // a desk phone mutes on the phone: CSTA gives a third party no mute
        showOnlyIf(mute, !vm.onDeskPhone());

        ToggleButton hold = new ToggleButton("Hold", new FontIcon(Material2MZ.PAUSE));
        hold.setId("call-hold");
        hold.setAccessibleText("Put the call on hold");
        hold.setOnAction(e -> {
            hold.setSelected(vm.onHoldProperty().get());
            vm.toggleHold();
        });
        vm.onHoldProperty().addListener((obs, was, now) -> hold.setSelected(now));
        hold.disableProperty().bind(vm.inProgressProperty().not());

        Button hangUp = new Button("Hang up", new FontIcon(Material2AL.CALL_END));
        hangUp.setId("call-hang-up");
        hangUp.getStyleClass().add(Styles.DANGER);
        hangUp.setAccessibleText("Hang up");
        hangUp.setOnAction(e -> vm.hangUp());

        for (var control : List.of(mute, hold, transfer, hangUp)) {
            // icon above the word, as on a phone: the three fit side by side in a narrow window
            control.setContentDisplay(ContentDisplay.TOP);
            control.setMinWidth(Region.USE_PREF_SIZE);
            control.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(control, Priority.ALWAYS);
        }
        HBox row = new HBox(6, mute, hold, transfer, hangUp);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private static void showOnlyIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private GridPane keypad() {
        GridPane keys = new GridPane();
        keys.setId("call-keypad");
        keys.setHgap(6);
        keys.setVgap(6);
        keys.setAlignment(Pos.CENTER);
        String all = CallViewModel.KEYS;
        for (int i = 0; i < all.length(); i++) {
            char key = all.charAt(i);
            Button button = new Button(String.valueOf(key));
            button.getStyleClass().add("keypad-key");
            button.setAccessibleText("Key " + key);
            button.setFocusTraversable(true);
            button.setOnAction(e -> vm.pressKey(key));
            button.disableProperty().bind(vm.inProgressProperty().not());
            keys.add(button, i % 3, i / 3);
        }
        return keys;
    }
}
