package io.switchboard.app.call;

import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.device.AudioDevices;

import java.net.InetAddress;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The desktop client's audio for each call: the microphone and speaker the user chose (or the
 * system defaults), released when the call ends. With no sound device at all the call still
 * connects: it sends silence and plays nothing, and the log says which device is missing.
 */
public final class DesktopAudioEndpoints implements AudioEndpoints {

    private final Supplier<AudioDevices> devices;

    public DesktopAudioEndpoints(Supplier<AudioDevices> devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    @Override
    public AudioSession open(MediaEngine engine, InetAddress localAddress) throws MediaException {
        AudioDevices sound = devices.get();
        return engine.openAudio(localAddress, sound.openMicrophone(), sound.openSpeaker());
    }
}
