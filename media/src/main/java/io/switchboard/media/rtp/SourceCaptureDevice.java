package io.switchboard.media.rtp;

import io.switchboard.media.audio.PcmFormat;
import io.switchboard.media.audio.PcmSource;

import javax.media.Format;
import javax.media.control.FormatControl;
import javax.media.format.AudioFormat;

import org.jitsi.impl.neomedia.jmfext.media.protocol.AbstractPushBufferCaptureDevice;

/**
 * A JMF capture device that "captures" from a {@link PcmSource}: how a call sends a tone or a
 * WAV file instead of a microphone (libjitsi's own silence device sends nothing useful).
 */
final class SourceCaptureDevice extends AbstractPushBufferCaptureDevice {

    static final AudioFormat FORMAT = new AudioFormat(AudioFormat.LINEAR, PcmFormat.SAMPLE_RATE, 16, 1,
            AudioFormat.LITTLE_ENDIAN, AudioFormat.SIGNED, Format.NOT_SPECIFIED, Format.NOT_SPECIFIED,
            Format.byteArray);

    private final PcmSource source;

    SourceCaptureDevice(PcmSource source) {
        this.source = source;
    }

    @Override
    protected SourceStream createStream(int streamIndex, FormatControl formatControl) {
        return new SourceStream(this, formatControl, source);
    }

    @Override
    protected Format[] getSupportedFormats(int streamIndex) {
        return new Format[] {FORMAT};
    }
}
