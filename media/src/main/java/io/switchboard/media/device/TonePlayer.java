package io.switchboard.media.device;

import io.switchboard.media.audio.PcmFormat;
import io.switchboard.media.audio.PcmSource;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays a ringtone or ringback on a playback device until stopped: a frame every 20 ms by the
 * clock (the device's own blocking would not pace a device that has no clock), two frames ahead
 * so a late tick does not click.
 */
public final class TonePlayer implements AutoCloseable {

    private static final int FRAMES_AHEAD = 2;

    private final SpeakerSink speaker;
    private final PcmSource tone;
    private final short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];
    private final ScheduledFuture<?> ticks;

    TonePlayer(SpeakerSink speaker, PcmSource tone, ScheduledExecutorService clock) {
        this.speaker = speaker;
        this.tone = tone;
        for (int i = 0; i < FRAMES_AHEAD; i++) {
            playFrame();
        }
        this.ticks = clock.scheduleAtFixedRate(this::playFrame, PcmFormat.FRAME_MILLIS, PcmFormat.FRAME_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void playFrame() {
        tone.read(frame);
        speaker.accept(frame, frame.length, PcmFormat.SAMPLE_RATE);
    }

    /** Whether the tone reaches a device (false when there is none to play it on). */
    public boolean audible() {
        return speaker.problem().isEmpty();
    }

    /** Stops the tone and releases the device. */
    @Override
    public void close() {
        ticks.cancel(false);
        speaker.close();
    }
}
