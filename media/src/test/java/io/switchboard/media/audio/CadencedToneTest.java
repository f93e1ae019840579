package io.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CadencedToneTest {

    private static final int PER_MILLI = PcmFormat.SAMPLE_RATE / 1000;

    @Test
    void ringbackIsFourHundredFortyAndFourHundredEightyHertzTwoSecondsOnFourOff() {
        short[] six = render(CadencedTone.ringback(), 6000);

        assertThat(ToneDetector.power(six, 0, 2000 * PER_MILLI, PcmFormat.SAMPLE_RATE, 440))
                .isGreaterThan(100 * ToneDetector.power(six, 0, 2000 * PER_MILLI, PcmFormat.SAMPLE_RATE, 1000));
        assertThat(ToneDetector.power(six, 0, 2000 * PER_MILLI, PcmFormat.SAMPLE_RATE, 480))
                .isGreaterThan(100 * ToneDetector.power(six, 0, 2000 * PER_MILLI, PcmFormat.SAMPLE_RATE, 1000));
        assertThat(ToneDetector.rms(six, 2000 * PER_MILLI, 6000 * PER_MILLI)).isZero();
    }

    @Test
    void theCadenceRepeats() {
        short[] twoCycles = render(CadencedTone.ringtone(), 6000);

        assertThat(ToneDetector.rms(twoCycles, 3000 * PER_MILLI, 3400 * PER_MILLI)).isGreaterThan(0.1);
        assertThat(ToneDetector.rms(twoCycles, 3400 * PER_MILLI, 3600 * PER_MILLI)).isZero();
        assertThat(ToneDetector.rms(twoCycles, 3600 * PER_MILLI, 4000 * PER_MILLI)).isGreaterThan(0.1);
    }

    @Test
    void theLevelIsThePeakOfTheSum() {
        short[] on = render(new CadencedTone(new double[] {440, 480}, 0.5, 1000, 1000), 1000);

        int peak = 0;
        for (short s : on) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).isBetween((int) (0.45 * Short.MAX_VALUE), (int) (0.5 * Short.MAX_VALUE) + 1);
    }

    @Test
    void aCadenceMustBeOnOffPairs() {
        assertThatThrownBy(() -> new CadencedTone(new double[] {440}, 0.5, 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CadencedTone(new double[] {440}, 1.5, 1000, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static short[] render(CadencedTone tone, int millis) {
        short[] all = new short[millis * PER_MILLI];
        short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];
        for (int at = 0; at < all.length; at += frame.length) {
            tone.read(frame);
            System.arraycopy(frame, 0, all, at, frame.length);
        }
        return all;
    }
}
