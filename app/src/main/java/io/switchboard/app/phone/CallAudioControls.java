package io.switchboard.app.phone;

import java.util.List;

/**
 * The sound of calls as the user adjusts it from a call window: the call volume and the
 * microphone and speaker, shared by every call (a change moves calls in progress too). Used on
 * the UI thread.
 */
public interface CallAudioControls {

    /** The call volume, 0 (silent) to 1 (as received). */
    double volume();

    void setVolume(double volume);

    /** The connected microphones, by name; "" (the system default) comes first. */
    List<String> microphones();

    /** As {@link #microphones()}, for speakers. */
    List<String> speakers();

    /** The chosen microphone's name, "" for the system default; chosen but unplugged counts. */
    String microphone();

    String speaker();

    void useMicrophone(String name);

    void useSpeaker(String name);
}
