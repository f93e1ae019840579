package io.switchboard.media.audio;

/**
 * What a call sends: the microphone stand-in for headless calls and tests. Called every 20 ms
 * on the capture thread; must not block.
 */
public interface PcmSource {

    /**
     * Fills one frame of {@link PcmFormat#SAMPLES_PER_FRAME} samples (48 kHz mono).
     *
     * @param frame the samples to overwrite, all of them
     */
    void read(short[] frame);
}
