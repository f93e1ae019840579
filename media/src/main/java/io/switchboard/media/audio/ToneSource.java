package io.switchboard.media.audio;

/**
 * A continuous sine tone (test calls, ringback). The phase carries over between frames so the
 * tone has no clicks at frame edges.
 */
public final class ToneSource implements PcmSource {

    private final double phaseStep;
    private final double amplitude;
    private double phase;

    /**
     * @param frequencyHz between 20 Hz and the Nyquist frequency of 48 kHz audio
     * @param level       amplitude as a fraction of full scale, above 0 and at most 1
     */
    public ToneSource(double frequencyHz, double level) {
        if (frequencyHz < 20 || frequencyHz >= PcmFormat.SAMPLE_RATE / 2.0) {
            throw new IllegalArgumentException("tone frequency out of range: " + frequencyHz);
        }
        if (level <= 0 || level > 1) {
            throw new IllegalArgumentException("tone level must be in (0, 1]: " + level);
        }
        this.phaseStep = 2 * Math.PI * frequencyHz / PcmFormat.SAMPLE_RATE;
        this.amplitude = level * Short.MAX_VALUE;
    }

    @Override
    public synchronized void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += phaseStep;
        }
        phase %= 2 * Math.PI;
    }
}
