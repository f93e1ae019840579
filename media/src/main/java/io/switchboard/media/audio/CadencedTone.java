package io.switchboard.media.audio;

import java.util.Arrays;

/**
 * A telephone signal: one or more sine tones played together in an on/off cadence, repeated
 * (ringback is 440 + 480 Hz, two seconds on, four off). Phases carry over so there are no clicks.
 */
public final class CadencedTone implements PcmSource {

    private final double[] phaseSteps;
    private final double amplitude;
    private final int[] cadenceSamples;
    private final int cycleSamples;
    private final double[] phases;
    private long position;

    /**
     * @param frequenciesHz the tones sounding together
     * @param level         peak amplitude of their sum as a fraction of full scale, in (0, 1]
     * @param cadenceMillis on, off, on, off... durations in milliseconds; an even count
     */
    public CadencedTone(double[] frequenciesHz, double level, int... cadenceMillis) {
        if (frequenciesHz.length == 0 || cadenceMillis.length == 0 || cadenceMillis.length % 2 != 0) {
            throw new IllegalArgumentException("a tone needs frequencies and on/off pairs");
        }
        if (level <= 0 || level > 1) {
            throw new IllegalArgumentException("tone level must be in (0, 1]: " + level);
        }
        this.phaseSteps = Arrays.stream(frequenciesHz).map(f -> 2 * Math.PI * f / PcmFormat.SAMPLE_RATE).toArray();
        this.phases = new double[frequenciesHz.length];
        this.amplitude = level * Short.MAX_VALUE / frequenciesHz.length;
        this.cadenceSamples = Arrays.stream(cadenceMillis).map(ms -> ms * (PcmFormat.SAMPLE_RATE / 1000)).toArray();
        this.cycleSamples = Arrays.stream(cadenceSamples).sum();
    }

    /** North American ringback (ITU-T E.180): 440 + 480 Hz, 2 s on, 4 s off. */
    public static CadencedTone ringback() {
        return new CadencedTone(new double[] {440, 480}, 0.25, 2000, 4000);
    }

    /** The ringer of an incoming call: a double ring (G and B above middle C), repeated every 3 s. */
    public static CadencedTone ringtone() {
        return new CadencedTone(new double[] {784, 988}, 0.4, 400, 200, 400, 2000);
    }

    /** A second call while I am talking: a short 440 Hz beep every ten seconds, quiet in my ear. */
    public static CadencedTone callWaiting() {
        return new CadencedTone(new double[] {440}, 0.15, 300, 9700);
    }

    @Override
    public synchronized void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            double sum = 0;
            for (int t = 0; t < phases.length; t++) {
                sum += Math.sin(phases[t]);
                phases[t] += phaseSteps[t];
            }
            frame[i] = sounding(position) ? (short) Math.round(amplitude * sum) : 0;
            position++;
        }
        for (int t = 0; t < phases.length; t++) {
            phases[t] %= 2 * Math.PI;
        }
    }

    private boolean sounding(long sample) {
        long inCycle = sample % cycleSamples;
        for (int i = 0; i < cadenceSamples.length; i++) {
            if (inCycle < cadenceSamples[i]) {
                return i % 2 == 0;
            }
            inCycle -= cadenceSamples[i];
        }
        return false;
    }
}
