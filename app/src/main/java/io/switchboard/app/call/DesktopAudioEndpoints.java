package io.switchboard.app.call;

import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.SilenceSource;

import java.net.InetAddress;

/**
 * The desktop client's audio for each call: the one place that chooses it. For now every call
 * sends silence and records what it hears (the last minute) because the media engine does not
 * reach the sound card yet; sound-card audio (microphone and speaker through MediaEngine) replaces
 * this class's body when the media engine offers it, and nothing else changes.
 */
public final class DesktopAudioEndpoints implements AudioEndpoints {

    /** What each call keeps of what it hears, until sound-card audio plays it instead. */
    static final int RECORDED_SECONDS = 60;

    @Override
    public AudioSession open(MediaEngine engine, InetAddress localAddress) throws MediaException {
        return engine.openAudio(localAddress, new SilenceSource(), new RecordingSink(RECORDED_SECONDS));
    }
}
