package io.switchboard.media.audio;

/**
 * Finds which frequency dominates recorded audio with the Goertzel algorithm (one DFT bin per
 * frequency asked), the way DTMF receivers do: enough to check that a 1 kHz tone sent into a
 * call came out of it as 1 kHz (tests, the audio self-check, in-band DTMF).
 */
public final class ToneDetector {

    private ToneDetector() {
    }

    /** The signal's power at {@code frequency}, normalised by the number of samples. */
    public static double power(short[] samples, int from, int to, int sampleRate, double frequency) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < to; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        int n = Math.max(1, to - from);
        return power / ((double) n * n);
    }

    /** The frequency in [low, high] (in {@code step} Hz steps) with the most power. */
    public static double dominantFrequency(short[] samples, int from, int to, int sampleRate,
                                           double low, double high, double step) {
        double best = low;
        double bestPower = -1;
        for (double f = low; f <= high; f += step) {
            double p = power(samples, from, to, sampleRate, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    /** Root-mean-square level as a fraction of full scale. */
    public static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from)) / Short.MAX_VALUE;
    }
}
