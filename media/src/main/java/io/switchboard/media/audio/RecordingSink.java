package io.switchboard.media.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Keeps what a call received in memory, up to a bound, so it can be checked (frequency,
 * duration) or written as a WAV file. What arrives beyond the bound is counted, not kept.
 */
public final class RecordingSink implements PcmSink {

    private final int maxSamples;
    private short[] samples = new short[PcmFormat.SAMPLE_RATE];
    private int length;
    private int sampleRate;
    private long dropped;

    public RecordingSink(int maxSeconds) {
        if (maxSeconds <= 0 || maxSeconds > 3600) {
            throw new IllegalArgumentException("recording bound must be 1..3600 s: " + maxSeconds);
        }
        this.maxSamples = maxSeconds * PcmFormat.SAMPLE_RATE;
    }

    @Override
    public synchronized void accept(short[] received, int count, int rate) {
        if (sampleRate != 0 && rate != sampleRate) {
            // a codec change mid-call: start over, a recording has one rate
            length = 0;
        }
        sampleRate = rate;
        int kept = Math.min(count, maxSamples - length);
        if (kept < count) {
            dropped += count - kept;
        }
        if (kept <= 0) {
            return;
        }
        if (length + kept > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(maxSamples, Math.max(samples.length * 2, length + kept)));
        }
        System.arraycopy(received, 0, samples, length, kept);
        length += kept;
    }

    /** A copy of what was received so far. */
    public synchronized Recording snapshot() {
        return new Recording(Arrays.copyOf(samples, length), sampleRate == 0 ? PcmFormat.SAMPLE_RATE : sampleRate);
    }

    /** Forgets what was received, e.g. to check only what follows a resume. */
    public synchronized void clear() {
        length = 0;
    }

    public synchronized long droppedSamples() {
        return dropped;
    }

    /** Recorded mono samples at one rate. */
    public record Recording(short[] samples, int sampleRate) {

        public long durationMillis() {
            return samples.length * 1000L / sampleRate;
        }

        /** Writes a 16-bit mono WAV file. */
        public void writeWav(Path file) throws IOException {
            byte[] bytes = new byte[samples.length * 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
            AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, samples.length)) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
            }
        }
    }
}
