package io.switchboard.app.phone;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a call window's device menu.
 *
 * @param name     the device's name, "" for the system default
 * @param label    what the menu shows
 * @param selected whether calls use it now (or will, once an unplugged choice is back)
 */
public record AudioDeviceChoice(String name, String label, boolean selected) {

    /** The connected devices ("" first) and a chosen one that is unplugged, the chosen one selected. */
    static List<AudioDeviceChoice> of(List<String> connected, String chosen) {
        List<AudioDeviceChoice> choices = new ArrayList<>();
        for (String name : connected) {
            choices.add(new AudioDeviceChoice(name, name.isEmpty() ? "System default" : name, name.equals(chosen)));
        }
        if (!connected.contains(chosen)) {
            choices.add(new AudioDeviceChoice(chosen, chosen + " (not connected)", true));
        }
        return choices;
    }
}
