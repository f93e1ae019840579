package io.switchboard.media.device;

import io.switchboard.media.audio.PcmFormat;
import io.switchboard.media.audio.PcmSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * A call's microphone. The media engine asks for a frame every 20 ms; this takes one from the
 * capture line when the device has it ready and sends silence otherwise, so a slow or missing
 * device never stalls the call. When the device's clock runs faster than the engine's, frames
 * pile up in the line; after half a second of that the backlog is dropped, so the delay the
 * capture adds stays under about two frames.
 */
public final class MicrophoneSource extends DeviceLine<TargetDataLine> implements PcmSource {

    static final AudioFormat FORMAT = new AudioFormat(PcmFormat.SAMPLE_RATE, 16, 1, true, false);
    /** Room for four frames: enough for a late engine tick, little delay when full. */
    private static final int BUFFER_BYTES = 4 * PcmFormat.BYTES_PER_FRAME;
    private static final int BACKLOG_BYTES = 2 * PcmFormat.BYTES_PER_FRAME;
    /** 25 frames = 0.5 s of a standing backlog before it is dropped. */
    private static final int BACKLOG_TICKS = 25;

    private final SoundCards cards;
    private final byte[] bytes = new byte[PcmFormat.BYTES_PER_FRAME];
    private final byte[] discard = new byte[BUFFER_BYTES];
    private int backlogTicks;
    private long silentFrames;

    MicrophoneSource(SoundCards cards, Supplier<String> chosen, Supplier<List<AudioDevice>> present) {
        super(DeviceKind.CAPTURE, chosen, present, FORMAT);
        this.cards = cards;
    }

    @Override
    TargetDataLine open(String deviceName, AudioFormat format) throws LineUnavailableException {
        TargetDataLine line = cards.openCapture(deviceName, format, BUFFER_BYTES);
        line.start();
        return line;
    }

    @Override
    public synchronized void read(short[] frame) {
        TargetDataLine line = line();
        if (line == null || !take(line)) {
            Arrays.fill(frame, (short) 0);
            silentFrames++;
            return;
        }
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(frame, 0,
                Math.min(frame.length, bytes.length / 2));
    }

    private boolean take(TargetDataLine line) {
        try {
            int available = line.available();
            if (available < bytes.length) {
                return false;
            }
            dropStandingBacklog(line, available);
            return line.read(bytes, 0, bytes.length) == bytes.length;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    private void dropStandingBacklog(TargetDataLine line, int available) {
        if (available - bytes.length <= BACKLOG_BYTES) {
            backlogTicks = 0;
            return;
        }
        if (++backlogTicks >= BACKLOG_TICKS) {
            backlogTicks = 0;
            int excess = available - bytes.length;
            excess -= excess % bytes.length;
            line.read(discard, 0, Math.min(excess, discard.length));
        }
    }

    /** Frames sent as silence because the device had nothing ready (or there was no device). */
    public synchronized long silentFrames() {
        return silentFrames;
    }
}
