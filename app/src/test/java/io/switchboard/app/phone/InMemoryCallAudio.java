package io.switchboard.app.phone;

import java.util.List;

/** Call volume and device choices kept in fields: the sound devices' stand-in for view-model tests. */
final class InMemoryCallAudio implements CallAudioControls {

    double volume = 1.0;
    String microphone = "";
    String speaker = "";

    @Override
    public double volume() {
        return volume;
    }

    @Override
    public void setVolume(double value) {
        volume = value;
    }

    @Override
    public List<String> microphones() {
        return List.of("", "Laptop microphone", "USB Headset");
    }

    @Override
    public List<String> speakers() {
        return List.of("", "Laptop speakers");
    }

    @Override
    public String microphone() {
        return microphone;
    }

    @Override
    public String speaker() {
        return speaker;
    }

    @Override
    public void useMicrophone(String name) {
        microphone = name;
    }

    @Override
    public void useSpeaker(String name) {
        speaker = name;
    }
}
