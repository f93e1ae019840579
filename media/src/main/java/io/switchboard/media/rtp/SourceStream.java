package io.switchboard.media.rtp;

import io.switchboard.media.audio.PcmFormat;
import io.switchboard.media.audio.PcmSource;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.media.Buffer;
import javax.media.control.FormatControl;
import javax.media.protocol.BufferTransferHandler;

import org.jitsi.impl.neomedia.jmfext.media.protocol.AbstractPushBufferStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one 20 ms frame from the {@link PcmSource} every 20 ms on its own thread, on a clock
 * that does not drift (each frame is due 20 ms after the previous one was due, not after it was
 * sent), as a sound card would.
 */
final class SourceStream extends AbstractPushBufferStream<SourceCaptureDevice> {

    private static final Logger LOG = LoggerFactory.getLogger(SourceStream.class);
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(PcmFormat.FRAME_MILLIS);

    private final PcmSource source;
    private final short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];
    private Thread clock;

    SourceStream(SourceCaptureDevice device, FormatControl formatControl, PcmSource source) {
        super(device, formatControl);
        this.source = source;
    }

    @Override
    public synchronized void start() throws IOException {
        super.start();
        if (clock == null) {
            clock = new Thread(this::pushFrames, "media-source-clock");
            clock.setDaemon(true);
            clock.start();
        }
    }

    @Override
    public synchronized void stop() throws IOException {
        Thread running = clock;
        clock = null;
        if (running != null) {
            running.interrupt();
        }
        super.stop();
    }

    private void pushFrames() {
        long due = System.nanoTime();
        while (isClock(Thread.currentThread())) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            due += FRAME_NANOS;
            BufferTransferHandler handler = transferHandler;
            if (handler != null) {
                try {
                    handler.transferData(this);
                } catch (RuntimeException e) {
                    LOG.warn("Sending an audio frame failed; the next one is tried in 20 ms", e);
                }
            }
        }
    }

    private synchronized boolean isClock(Thread thread) {
        return clock == thread && !thread.isInterrupted();
    }

    @Override
    public void read(Buffer buffer) {
        byte[] data = buffer.getData() instanceof byte[] bytes && bytes.length >= PcmFormat.BYTES_PER_FRAME
                ? bytes : new byte[PcmFormat.BYTES_PER_FRAME];
        source.read(frame);
        for (int i = 0; i < frame.length; i++) {
            data[2 * i] = (byte) frame[i];
            data[2 * i + 1] = (byte) (frame[i] >> 8);
        }
        buffer.setData(data);
        buffer.setOffset(0);
        buffer.setLength(PcmFormat.BYTES_PER_FRAME);
        buffer.setFormat(getFormat());
        buffer.setTimeStamp(System.nanoTime());
        buffer.setFlags(Buffer.FLAG_SYSTEM_TIME | Buffer.FLAG_LIVE_DATA);
    }
}
