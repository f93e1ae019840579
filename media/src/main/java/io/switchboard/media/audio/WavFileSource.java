package io.switchboard.media.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Plays a WAV file into a call, converted by javax.sound to our PCM format (any PCM WAV the JDK
 * reads: 8–48 kHz, mono or stereo, 8 or 16 bit), then silence, or from the start again if it
 * loops. The file is read whole when the source is made, so a call never waits for the disk;
 * {@link #MAX_SECONDS} bounds what that may cost.
 */
public final class WavFileSource implements PcmSource {

    /** Ten minutes of 48 kHz 16-bit mono is 55 MB: enough for test calls and announcements. */
    public static final int MAX_SECONDS = 600;

    private static final AudioFormat TARGET =
            new AudioFormat(PcmFormat.SAMPLE_RATE, 16, 1, true, false);

    private final short[] samples;
    private final boolean loop;
    private int position;

    private WavFileSource(short[] samples, boolean loop) {
        this.samples = samples;
        this.loop = loop;
    }

    /**
     * @throws IOException if the file cannot be read, is not audio javax.sound understands, or
     *                     is longer than {@link #MAX_SECONDS}
     */
    public static WavFileSource open(Path wav, boolean loop) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wav));
             AudioInputStream source = AudioSystem.getAudioInputStream(in);
             AudioInputStream converted = convert(source, wav)) {
            long maxBytes = (long) MAX_SECONDS * PcmFormat.SAMPLE_RATE * 2;
            byte[] bytes = converted.readNBytes((int) maxBytes + 2);
            if (bytes.length > maxBytes) {
                throw new IOException(wav + " is longer than " + MAX_SECONDS + " s");
            }
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return new WavFileSource(samples, loop);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file javax.sound can read: " + e.getMessage(), e);
        }
    }

    private static AudioInputStream convert(AudioInputStream source, Path wav) throws IOException {
        AudioFormat format = source.getFormat();
        AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, 1, true, false);
        try {
            // two steps: encoding and channels first, then the sample rate (one step is not
            // offered by every converter the JDK has)
            AudioInputStream mono = AudioSystem.getAudioInputStream(pcm, source);
            return AudioSystem.getAudioInputStream(TARGET, mono);
        } catch (IllegalArgumentException e) {
            throw new IOException(wav + ": cannot convert " + format + " to " + TARGET, e);
        }
    }

    /** The file's length in our format. */
    public long durationMillis() {
        return samples.length * 1000L / PcmFormat.SAMPLE_RATE;
    }

    @Override
    public synchronized void read(short[] frame) {
        int filled = 0;
        while (filled < frame.length) {
            if (position == samples.length) {
                if (!loop || samples.length == 0) {
                    Arrays.fill(frame, filled, frame.length, (short) 0);
                    return;
                }
                position = 0;
            }
            int n = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, n);
            position += n;
            filled += n;
        }
    }
}
