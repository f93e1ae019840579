package io.switchboard.media.device;

import io.switchboard.media.audio.PcmSink;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays what a call receives (or a ringtone) on a playback device, at the user's volume. Never
 * blocks the media thread: audio that does not fit, or that would queue more than
 * {@link #MAX_QUEUED_MILLIS} ahead of the device, is dropped — late audio is worse than a gap.
 */
public final class SpeakerSink extends DeviceLine<SourceDataLine> implements PcmSink {

    /** How far ahead of the device audio may queue: the delay this adds at most. */
    static final int MAX_QUEUED_MILLIS = 60;
    private static final int BUFFER_MILLIS = 120;

    private final SoundCards cards;
    private final DoubleSupplier volume;
    private byte[] bytes = new byte[0];
    private long droppedSamples;

    /**
     * @param volume the gain to apply, 0 (silent) to 1 (as received), read for every buffer
     */
    SpeakerSink(SoundCards cards, Supplier<String> chosen, Supplier<List<AudioDevice>> present, DoubleSupplier volume) {
        super(DeviceKind.PLAYBACK, chosen, present, MicrophoneSource.FORMAT);
        this.cards = cards;
        this.volume = volume;
    }

    @Override
    SourceDataLine open(String deviceName, AudioFormat format) throws LineUnavailableException {
        int bytesPerMilli = (int) format.getSampleRate() / 1000 * format.getFrameSize();
        SourceDataLine line = cards.openPlayback(deviceName, format, BUFFER_MILLIS * bytesPerMilli);
        line.start();
        return line;
    }

    @Override
    public synchronized void accept(short[] samples, int length, int sampleRate) {
        if (sampleRate != (int) format().getSampleRate()) {
            reformat(new AudioFormat(sampleRate, 16, 1, true, false));
        }
        SourceDataLine line = line();
        if (line == null) {
            return;
        }
        int bytesPerMilli = sampleRate / 1000 * 2;
        int queued = line.getBufferSize() - line.available();
        int room = Math.min(line.available(), MAX_QUEUED_MILLIS * bytesPerMilli - queued);
        int fits = Math.max(0, Math.min(length, room / 2));
        droppedSamples += length - fits;
        if (fits == 0) {
            return;
        }
        encode(samples, fits, volume.getAsDouble());
        try {
            line.write(bytes, 0, fits * 2);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void encode(short[] samples, int count, double gain) {
        if (bytes.length < count * 2) {
            bytes = new byte[count * 2];
        }
        double g = Math.max(0, Math.min(1, gain));
        for (int i = 0; i < count; i++) {
            int v = (int) Math.round(samples[i] * g);
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
    }

    /** Received samples not played because the device was behind (or missing). */
    public synchronized long droppedSamples() {
        return droppedSamples;
    }
}
