package io.switchboard.media.rtp;

import io.switchboard.media.audio.PcmSink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.media.Buffer;
import javax.media.format.AudioFormat;
import javax.media.rtp.ReceiveStream;

import org.jitsi.impl.neomedia.device.ReceiveStreamBufferListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the decoded audio libjitsi's mixer read from a call's receive stream to a
 * {@link PcmSink} as 16-bit mono samples. Buffers in any other format are skipped and logged
 * once: the mixer decodes to linear PCM, so another format means a codec was not found.
 */
final class SinkBridge implements ReceiveStreamBufferListener {

    private static final Logger LOG = LoggerFactory.getLogger(SinkBridge.class);

    private final PcmSink sink;
    private short[] samples = new short[0];
    private boolean warned;

    SinkBridge(PcmSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void bufferReceived(ReceiveStream receiveStream, Buffer buffer) {
        if (buffer.isDiscard() || !(buffer.getData() instanceof byte[] data)
                || !(buffer.getFormat() instanceof AudioFormat format)
                || !AudioFormat.LINEAR.equals(format.getEncoding()) || format.getSampleSizeInBits() != 16) {
            if (!warned && !buffer.isDiscard()) {
                warned = true;
                LOG.warn("Received audio not in 16-bit linear PCM ({}); not recorded", buffer.getFormat());
            }
            return;
        }
        int channels = Math.max(1, format.getChannels());
        int frames = buffer.getLength() / (2 * channels);
        if (samples.length < frames) {
            samples = new short[frames];
        }
        ByteBuffer bytes = ByteBuffer.wrap(data, buffer.getOffset(), buffer.getLength())
                .order(format.getEndian() == AudioFormat.BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += bytes.getShort();
            }
            samples[i] = (short) (sum / channels);
        }
        sink.accept(samples, frames, (int) format.getSampleRate());
    }
}
