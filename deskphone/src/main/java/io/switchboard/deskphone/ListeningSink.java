package io.switchboard.deskphone;

import io.switchboard.media.audio.PcmSink;
import io.switchboard.media.audio.ToneDetector;

/**
 * The desk phone's speaker: keeps the last {@link #WINDOW_MILLIS} of received audio in a ring and,
 * when asked, tells which frequency dominates it ({@link ToneDetector}, Goertzel) and how loud it
 * is. Audio older than {@link #STALE_MILLIS} counts as silence, so a call on hold is heard as
 * silent even when the media engine stops delivering frames.
 */
final class ListeningSink implements PcmSink {

    static final int WINDOW_MILLIS = 200;
    static final long STALE_MILLIS = 400;
    /** Below this RMS level there is no tone to name. */
    static final double SILENCE_LEVEL = 0.005;

    private final java.util.function.LongSupplier nanoClock;
    private short[] ring = new short[0];
    private int written;
    private int rate;
    private long lastFrameNanos;

    ListeningSink() {
        this(System::nanoTime);
    }

    ListeningSink(java.util.function.LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void accept(short[] samples, int length, int sampleRate) {
        if (sampleRate <= 0 || length <= 0) {
            return;
        }
        if (sampleRate != rate) {
            rate = sampleRate;
            ring = new short[Math.max(1, sampleRate * WINDOW_MILLIS / 1000)];
            written = 0;
        }
        for (int i = 0; i < length; i++) {
            ring[written % ring.length] = samples[i];
            written++;
            if (written == Integer.MAX_VALUE) {
                written = ring.length + (written % ring.length);
            }
        }
        lastFrameNanos = nanoClock.getAsLong();
    }

    /** What is heard now. */
    Hearing hearing() {
        short[] window;
        int sampleRate;
        synchronized (this) {
            if (rate == 0 || written < ring.length / 2
                    || nanoClock.getAsLong() - lastFrameNanos > STALE_MILLIS * 1_000_000) {
                return Hearing.SILENCE;
            }
            int count = Math.min(written, ring.length);
            window = new short[count];
            for (int i = 0; i < count; i++) {
                window[i] = ring[(written - count + i) % ring.length];
            }
            sampleRate = rate;
        }
        double level = ToneDetector.rms(window, 0, window.length);
        if (level < SILENCE_LEVEL) {
            return new Hearing(0, level);
        }
        double upper = Math.min(3400, sampleRate / 2.0 - 10);
        double hz = ToneDetector.dominantFrequency(window, 0, window.length, sampleRate, 100, upper, 10);
        return new Hearing(hz, level);
    }
}
