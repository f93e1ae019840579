package io.switchboard.app.settings;

/** Which phone the client's calls use. */
public enum CallMode {
    /** The client's own audio: microphone, speaker, headset. */
    SOFTPHONE("Softphone"),
    /** The phone on the user's desk, driven through the server's CTI gateway ("Use my desk phone"). */
    DESK_PHONE("Desk phone");

    private final String label;

    CallMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
