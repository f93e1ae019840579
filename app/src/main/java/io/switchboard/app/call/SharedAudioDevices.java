package io.switchboard.app.call;

import io.switchboard.media.device.AudioDevicePreferences;
import io.switchboard.media.device.AudioDevices;
import io.switchboard.media.device.SoundCards;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The process's one {@link AudioDevices}: made at the first use (the first SIP sign-in or the
 * preferences dialog; listing the devices asks the operating system, a few milliseconds) and
 * closed once at exit.
 */
public final class SharedAudioDevices implements Supplier<AudioDevices>, AutoCloseable {

    private final Supplier<AudioDevicePreferences> choices;
    private AudioDevices devices;
    private boolean closed;

    /** @param choices the user's current device choices; read from media and watcher threads */
    public SharedAudioDevices(Supplier<AudioDevicePreferences> choices) {
        this.choices = Objects.requireNonNull(choices, "choices");
    }

    @Override
    public synchronized AudioDevices get() {
        if (closed) {
            throw new IllegalStateException("the sound devices are closed: the application is stopping");
        }
        if (devices == null) {
            devices = new AudioDevices(new SoundCards(), choices);
        }
        return devices;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (devices != null) {
            devices.close();
            devices = null;
        }
    }
}
