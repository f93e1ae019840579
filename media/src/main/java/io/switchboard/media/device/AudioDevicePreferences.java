package io.switchboard.media.device;

/**
 * The sound devices the user chose, by name; an empty name means the system's default device.
 * A choice is kept while its device is unplugged: calls use the system default meanwhile and
 * move back to the chosen device when it is plugged in again.
 */
public record AudioDevicePreferences(String microphone, String speaker, String ringer) {

    public static final AudioDevicePreferences SYSTEM_DEFAULTS = new AudioDevicePreferences("", "", "");

    public AudioDevicePreferences {
        microphone = microphone == null ? "" : microphone;
        speaker = speaker == null ? "" : speaker;
        ringer = ringer == null ? "" : ringer;
    }

    public AudioDevicePreferences withMicrophone(String name) {
        return new AudioDevicePreferences(name, speaker, ringer);
    }

    public AudioDevicePreferences withSpeaker(String name) {
        return new AudioDevicePreferences(microphone, name, ringer);
    }

    public AudioDevicePreferences withRinger(String name) {
        return new AudioDevicePreferences(microphone, speaker, name);
    }
}
