package io.switchboard.media.audio;

/**
 * The one PCM format our sources produce and our sinks receive: 48 kHz (Opus's native rate; the
 * narrowband codecs are resampled by libjitsi), mono, signed 16-bit little-endian, in 20 ms frames.
 */
public final class PcmFormat {

    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_MILLIS = 20;
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE / 1000 * FRAME_MILLIS;
    public static final int BYTES_PER_FRAME = SAMPLES_PER_FRAME * 2;

    private PcmFormat() {
    }
}
