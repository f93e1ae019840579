package io.switchboard.media.device;

import io.switchboard.media.audio.SilenceSource;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Plugs the file sound card in before the first test of a run: Java Sound looks at ALSA's devices
 * once per JVM, and a microphone whose file is missing then is left out for the whole run (the
 * UI tests of a clean checkout lost their microphone that way). Registered through
 * {@code META-INF/services}; does nothing outside Maven (no {@code SWITCHBOARD_TEST_SOUND_DIR}).
 */
public final class FileSoundCardPlugIn implements LauncherSessionListener {

    private static final int SECONDS_OF_SILENCE = 10;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getenv("SWITCHBOARD_TEST_SOUND_DIR") == null) {
            return;
        }
        try {
            FileSoundCard.fromEnvironment().speakIntoMicrophone(new SilenceSource(), SECONDS_OF_SILENCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plug in the test sound card", e);
        }
    }
}
