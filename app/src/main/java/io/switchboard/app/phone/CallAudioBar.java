package io.switchboard.app.phone;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The call window's sound controls: the call volume, and a menu to switch microphone and speaker,
 * listed afresh each time it opens so a headset plugged in during the call is there.
 */
final class CallAudioBar {

    private CallAudioBar() {
    }

    static HBox of(CallViewModel vm) {
        Slider volume = new Slider(0, 1, vm.volumeProperty().get());
        volume.setId("call-volume");
        volume.setAccessibleText("Call volume");
        volume.valueProperty().bindBidirectional(vm.volumeProperty());
        HBox.setHgrow(volume, Priority.ALWAYS);

        Menu microphones = new Menu("Microphone");
        Menu speakers = new Menu("Speaker");
        MenuButton devices = new MenuButton("", new FontIcon(Material2MZ.SETTINGS_VOICE), microphones, speakers);
        devices.setId("call-devices");
        devices.setAccessibleText("Microphone and speaker");
        devices.setOnShowing(e -> {
            fill(microphones, vm::microphoneChoices, vm::useMicrophone);
            fill(speakers, vm::speakerChoices, vm::useSpeaker);
        });

        HBox bar = new HBox(6, new FontIcon(Material2MZ.VOLUME_UP), volume, devices);
        bar.setAlignment(Pos.CENTER);
        return bar;
    }

    private static void fill(Menu menu, Supplier<List<AudioDeviceChoice>> choices, Consumer<AudioDeviceChoice> use) {
        ToggleGroup group = new ToggleGroup();
        menu.getItems().clear();
        for (AudioDeviceChoice choice : choices.get()) {
            RadioMenuItem item = new RadioMenuItem(choice.label());
            item.setToggleGroup(group);
            item.setSelected(choice.selected());
            item.setOnAction(e -> use.accept(choice));
            menu.getItems().add(item);
        }
    }
}
