package io.switchboard.bench;

import io.switchboard.bench.measure.CpuTime;
import io.switchboard.bench.media.MediaBench;
import io.switchboard.media.AudioCodec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Media path numbers of issue 5: the one-way latency our RTP path adds (capture to playout,
 * timestamps in the test source and sink) and the CPU an active call costs.
 */
@Command(name = "media", mixinStandardHelpOptions = true,
        description = "Audio latency (capture to playout) and CPU per call of the media engine, on loopback.")
final class MediaBenchCommand implements Callable<Integer> {

    @Option(names = "--codecs", split = ",", defaultValue = "OPUS,PCMU")
    List<AudioCodec> codecs;

    @Option(names = "--bursts", defaultValue = "40", description = "Tone bursts timed per codec.")
    int bursts;

    @Option(names = "--calls", defaultValue = "10", description = "Calls at once for the CPU measurement.")
    int calls;

    @Option(names = "--seconds", defaultValue = "20", description = "How long the CPU is measured.")
    int seconds;

    @Option(names = "--ports", defaultValue = "48000", description = "First RTP port (even); 200 ports are used.")
    int firstPort;

    @Override
    public Integer call() throws Exception {
        Path state = Files.createTempDirectory("media-bench");
        try (MediaBench bench = MediaBench.start(state, firstPort)) {
            for (AudioCodec codec : codecs) {
                bench.latency(codec, bursts).print(System.out);
            }
            for (AudioCodec codec : codecs) {
                bench.cpuPerCall(codec, calls, seconds, CpuTime::ofThisProcess).print(System.out);
            }
        }
        return 0;
    }
}
