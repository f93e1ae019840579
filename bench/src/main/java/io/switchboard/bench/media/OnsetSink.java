package io.switchboard.bench.media;

import io.switchboard.media.audio.PcmSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Notes when received audio goes from silence to sound: the first sample above the threshold
 * after at least {@code quietMillis} of quiet, dated back from the arrival of its chunk.
 */
final class OnsetSink implements PcmSink {

    private static final double THRESHOLD = 0.1 * Short.MAX_VALUE;

    private final long quietNanos;
    private final List<Long> onsets = new CopyOnWriteArrayList<>();
    private long lastLoud = Long.MIN_VALUE / 2;

    OnsetSink(int quietMillis) {
        this.quietNanos = quietMillis * 1_000_000L;
    }

    @Override
    public synchronized void accept(short[] samples, int length, int sampleRate) {
        long arrived = System.nanoTime();
        for (int i = 0; i < length; i++) {
            if (Math.abs(samples[i]) > THRESHOLD) {
                long at = arrived - (long) (length - i) * 1_000_000_000L / sampleRate;
                if (at - lastLoud > quietNanos) {
                    onsets.add(at);
                }
                lastLoud = at;
            }
        }
    }

    List<Long> onsets() {
        return onsets;
    }
}
