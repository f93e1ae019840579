package io.switchboard.media.device;

/** Which way a sound device carries audio. */
public enum DeviceKind {
    /** A microphone or line in. */
    CAPTURE,
    /** A speaker, headset or line out: also where the ringer rings. */
    PLAYBACK
}
