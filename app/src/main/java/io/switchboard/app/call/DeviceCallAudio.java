package io.switchboard.app.call;

import io.switchboard.app.phone.CallAudioControls;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.media.device.AudioDevice;
import io.switchboard.media.device.AudioDevices;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The call windows' volume and device menu on the sound devices: a device chosen in a call window
 * is the user's choice from then on, as if made in the preferences, and calls in progress move
 * to it at once. Used on the UI thread.
 */
public final class DeviceCallAudio implements CallAudioControls {

    private final Supplier<AudioDevices> devices;
    private final SettingsModel settings;

    public DeviceCallAudio(Supplier<AudioDevices> devices, SettingsModel settings) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double volume() {
        return devices.get().speakerVolume();
    }

    @Override
    public void setVolume(double volume) {
        devices.get().setSpeakerVolume(volume);
    }

    @Override
    public List<String> microphones() {
        return withDefault(devices.get().microphones());
    }

    @Override
    public List<String> speakers() {
        return withDefault(devices.get().speakers());
    }

    private static List<String> withDefault(List<AudioDevice> connected) {
        List<String> names = new ArrayList<>();
        names.add("");
        connected.forEach(d -> names.add(d.name()));
        return names;
    }

    @Override
    public String microphone() {
        return settings.get().audio().microphone();
    }

    @Override
    public String speaker() {
        return settings.get().audio().speaker();
    }

    @Override
    public void useMicrophone(String name) {
        settings.update(s -> s.withAudio(s.audio().withMicrophone(name)));
        devices.get().refreshNow();
    }

    @Override
    public void useSpeaker(String name) {
        settings.update(s -> s.withAudio(s.audio().withSpeaker(name)));
        devices.get().refreshNow();
    }
}
