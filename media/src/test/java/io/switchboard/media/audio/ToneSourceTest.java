package io.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneSourceTest {

    @Test
    void aToneIsFoundAtItsFrequencyAndNowhereElse() {
        short[] second = read(new ToneSource(1000, 0.5), 50);

        assertThat(ToneDetector.dominantFrequency(second, 0, second.length, PcmFormat.SAMPLE_RATE, 100, 4000, 10))
                .isEqualTo(1000.0);
        assertThat(ToneDetector.rms(second, 0, second.length)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void framesJoinWithoutAPhaseJump() {
        ToneSource tone = new ToneSource(440, 1);
        short[] a = new short[PcmFormat.SAMPLES_PER_FRAME];
        short[] b = new short[PcmFormat.SAMPLES_PER_FRAME];
        tone.read(a);
        tone.read(b);
        double step = 2 * Math.PI * 440 / PcmFormat.SAMPLE_RATE * Short.MAX_VALUE;
        // the jump across the frame edge is no larger than any step within a frame
        assertThat(Math.abs(b[0] - a[a.length - 1])).isLessThanOrEqualTo((int) Math.ceil(step) + 1);
    }

    @Test
    void impossibleTonesAreRefused() {
        assertThatThrownBy(() -> new ToneSource(30_000, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ToneSource(1000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWavFileAt8kHzPlaysAt48kHzAndThenSilence(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("tone8k.wav");
        short[] tone48k = read(new ToneSource(1000, 0.5), 25);
        short[] tone8k = new short[tone48k.length / 6];
        for (int i = 0; i < tone8k.length; i++) {
            tone8k[i] = tone48k[6 * i];
        }
        new RecordingSink.Recording(tone8k, 8000).writeWav(wav);

        WavFileSource source = WavFileSource.open(wav, false);
        short[] played = read(source, 30);

        assertThat(source.durationMillis()).isBetween(490L, 510L);
        int halfSecond = PcmFormat.SAMPLE_RATE / 2;
        assertThat(ToneDetector.dominantFrequency(played, 0, halfSecond - 960, PcmFormat.SAMPLE_RATE, 100, 4000, 10))
                .isEqualTo(1000.0);
        assertThat(ToneDetector.rms(played, halfSecond + 960, played.length)).isZero();
    }

    @Test
    void somethingThatIsNotAudioIsAClearError(@TempDir Path dir) throws IOException {
        Path notWav = Files.writeString(dir.resolve("x.wav"), "RIFF but not really");

        assertThatThrownBy(() -> WavFileSource.open(notWav, true))
                .isInstanceOf(IOException.class).hasMessageContaining("x.wav");
    }

    @Test
    void aRecordingKeepsWhatFitsAndCountsTheRest() {
        RecordingSink sink = new RecordingSink(1);
        short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];
        for (int i = 0; i < 60; i++) {
            sink.accept(frame, frame.length, PcmFormat.SAMPLE_RATE);
        }
        assertThat(sink.snapshot().samples()).hasSize(PcmFormat.SAMPLE_RATE);
        assertThat(sink.droppedSamples()).isEqualTo(10L * PcmFormat.SAMPLES_PER_FRAME);
    }

    private static short[] read(PcmSource source, int frames) {
        short[] all = new short[frames * PcmFormat.SAMPLES_PER_FRAME];
        short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];
        for (int i = 0; i < frames; i++) {
            source.read(frame);
            System.arraycopy(frame, 0, all, i * frame.length, frame.length);
        }
        return all;
    }
}
