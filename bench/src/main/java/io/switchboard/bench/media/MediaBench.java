package io.switchboard.bench.media;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.SilenceSource;
import io.switchboard.media.audio.ToneSource;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

/** Pairs of audio sessions on loopback in one process, one media engine. */
public final class MediaBench implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int PERIOD_MILLIS = 500;
    private static final int BURST_MILLIS = 100;

    private final MediaEngine engine;

    private MediaBench(MediaEngine engine) {
        this.engine = engine;
    }

    public static MediaBench start(Path state, int firstPort) throws MediaException {
        return new MediaBench(MediaEngine.start(new MediaSettings(new RtpPortRange(firstPort, firstPort + 199),
                state.resolve("media"))));
    }

    /** Capture-to-playout delay of {@code bursts} tone bursts through one call. */
    public Latency latency(AudioCodec codec, int bursts) throws MediaException {
        MarkerSource marker = new MarkerSource(PERIOD_MILLIS, BURST_MILLIS);
        OnsetSink onsets = new OnsetSink(PERIOD_MILLIS - BURST_MILLIS - 100);
        try (AudioSession sender = engine.openAudio(LOOPBACK, marker, new RecordingSink(1));
             AudioSession receiver = engine.openAudio(LOOPBACK, new SilenceSource(), onsets)) {
            // both send: libjitsi's mixer only reads what it receives while its own capture runs
            sender.start(plan(receiver, codec, MediaDirection.SENDRECV));
            receiver.start(plan(sender, codec, MediaDirection.SENDRECV));
            // two seconds to settle (jitter buffer, JIT), then the bursts that count
            sleep((2_000L + (long) bursts * PERIOD_MILLIS + 1_000L));
        }
        List<Long> starts = marker.burstStarts();
        List<Long> heard = onsets.onsets();
        List<Double> delays = new ArrayList<>();
        for (long start : starts) {
            if (start - starts.get(0) < 2_000_000_000L) {
                continue;
            }
            heard.stream().filter(t -> t >= start && t - start < PERIOD_MILLIS * 1_000_000L).findFirst()
                    .ifPresent(t -> delays.add((t - start) / 1e6));
        }
        return new Latency(codec, delays.stream().sorted().toList(), Math.max(0, starts.size() - 4));
    }

    /** Process CPU of {@code calls} calls (both ends here) above the idle engine's, per call. */
    public Cpu cpuPerCall(AudioCodec codec, int calls, int seconds, DoubleSupplier processCpuSeconds)
            throws MediaException {
        double idleStart = processCpuSeconds.getAsDouble();
        sleep(seconds * 1000L);
        double idle = processCpuSeconds.getAsDouble() - idleStart;
        List<AudioSession> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                AudioSession a = engine.openAudio(LOOPBACK, new ToneSource(440 + i, 0.3), new RecordingSink(1));
                AudioSession b = engine.openAudio(LOOPBACK, new ToneSource(880 + i, 0.3), new RecordingSink(1));
                sessions.add(a);
                sessions.add(b);
                a.start(plan(b, codec, MediaDirection.SENDRECV));
                b.start(plan(a, codec, MediaDirection.SENDRECV));
            }
            sleep(3_000); // codecs loaded, JIT warm
            double start = processCpuSeconds.getAsDouble();
            sleep(seconds * 1000L);
            double busy = processCpuSeconds.getAsDouble() - start;
            return new Cpu(codec, calls, seconds, idle, busy);
        } finally {
            sessions.forEach(AudioSession::close);
        }
    }

    private static NegotiatedAudio plan(AudioSession peer, AudioCodec codec, MediaDirection direction) {
        InetSocketAddress rtp = peer.localRtp();
        return new NegotiatedAudio(rtp, new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1), codec,
                codec.defaultPayloadType(), OptionalInt.of(101), direction, 20);
    }

    private static void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Delays in ms, sorted. */
    public record Latency(AudioCodec codec, List<Double> delays, int sent) {
        double percentile(double q) {
            return delays.isEmpty() ? Double.NaN : delays.get(Math.min(delays.size() - 1, (int) (q * delays.size())));
        }

        public void print(PrintStream out) {
            out.printf("latency %s: %d of ~%d bursts heard; capture to playout p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    codec, delays.size(), sent, percentile(0.5), percentile(0.99),
                    delays.isEmpty() ? Double.NaN : delays.get(delays.size() - 1));
        }
    }

    /** CPU seconds over the window, idle and with the calls. */
    public record Cpu(AudioCodec codec, int calls, int seconds, double idleCpu, double busyCpu) {
        public void print(PrintStream out) {
            double perCall = (busyCpu - idleCpu) / seconds / calls * 100;
            out.printf("cpu %s: %d calls (both ends in this process) for %d s: %.2f s CPU (idle engine %.2f s) "
                    + "= %.2f %% of one core per call, %.2f %% per end%n",
                    codec, calls, seconds, busyCpu, idleCpu, perCall, perCall / 2);
        }
    }
}
