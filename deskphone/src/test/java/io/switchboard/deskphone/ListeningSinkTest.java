package io.switchboard.deskphone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.audio.ToneSource;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ListeningSinkTest {

    private final AtomicLong now = new AtomicLong();
    private final ListeningSink sink = new ListeningSink(now::get);

    @Test
    void namesTheToneItHearsAndItsLevel() {
        feed(new ToneSource(1000, 0.3), 48000, 300);

        Hearing hearing = sink.hearing();

        assertThat(hearing.toneHz()).isBetween(990.0, 1010.0);
        assertThat(hearing.level()).isBetween(0.18, 0.24);
        assertThat(hearing.hears(1000, 20, 0.05)).isTrue();
    }

    @Test
    void silenceAndStaleAudioAreSilence() {
        assertThat(sink.hearing()).isEqualTo(Hearing.SILENCE);
        feed(new ToneSource(600, 0.3), 8000, 300);
        assertThat(sink.hearing().toneHz()).isBetween(590.0, 610.0);

        now.addAndGet((ListeningSink.STALE_MILLIS + 1) * 1_000_000);

        assertThat(sink.hearing()).isEqualTo(Hearing.SILENCE);
        sink.accept(new short[8000], 8000, 8000);
        assertThat(sink.hearing().toneHz()).isZero();
    }

    private void feed(ToneSource tone, int rate, int millis) {
        // ToneSource makes 48 kHz audio; at 8 kHz the test only needs some tone, so resample crudely
        short[] frame = new short[960];
        int perFrame = rate / 50;
        for (int t = 0; t < millis; t += 20) {
            tone.read(frame);
            short[] out = new short[perFrame];
            for (int i = 0; i < perFrame; i++) {
                out[i] = frame[i * 960 / perFrame];
            }
            sink.accept(out, perFrame, rate);
        }
    }
}
