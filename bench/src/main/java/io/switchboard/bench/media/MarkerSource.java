package io.switchboard.bench.media;

import io.switchboard.media.audio.PcmFormat;
import io.switchboard.media.audio.PcmSource;
import io.switchboard.media.audio.ToneSource;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Silence with a 1 kHz burst of {@code burstMillis} every {@code periodMillis}; remembers when it
 * handed out each burst's first frame — the moment a microphone would have captured it.
 */
final class MarkerSource implements PcmSource {

    private final int periodFrames;
    private final int burstFrames;
    private final ToneSource tone = new ToneSource(1000, 0.5);
    private final List<Long> burstStarts = new CopyOnWriteArrayList<>();
    private long frame;

    MarkerSource(int periodMillis, int burstMillis) {
        this.periodFrames = periodMillis / PcmFormat.FRAME_MILLIS;
        this.burstFrames = burstMillis / PcmFormat.FRAME_MILLIS;
    }

    @Override
    public synchronized void read(short[] samples) {
        long inPeriod = frame++ % periodFrames;
        if (inPeriod < burstFrames) {
            if (inPeriod == 0) {
                burstStarts.add(System.nanoTime());
            }
            tone.read(samples);
        } else {
            Arrays.fill(samples, (short) 0);
        }
    }

    List<Long> burstStarts() {
        return burstStarts;
    }
}
