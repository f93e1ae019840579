package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.audio.ToneDetector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks what baresip decoded during a call (its sndfile dump) against the tone we sent. */
final class BaresipHearing {

    private static final Logger LOG = LoggerFactory.getLogger(BaresipHearing.class);

    private BaresipHearing() {
    }

    /**
     * Waits for the dump of the call that started after {@code earlierRecordings} dumps and
     * checks that baresip decoded at least a second of {@code frequency}, with {@code codec}'s
     * sample rate (Opus decodes at 48 kHz, PCMU at 8 kHz: baresip really used that codec).
     */
    static void assertBaresipHeard(BaresipFixture baresip, int earlierRecordings, double frequency, AudioCodec codec)
            throws Exception {
        List<Path> recordings = await("baresip's recording of the call").atMost(Duration.ofSeconds(10))
                .until(baresip::receivedAudio, files -> files.size() > earlierRecordings);
        Path recording = recordings.get(recordings.size() - 1);
        SndfileWav heard = SndfileWav.read(recording);
        short[] samples = heard.samples();
        // skip the first 200 ms: jitter buffer and decoder start
        int from = heard.sampleRate() / 5;
        double dominant = ToneDetector.dominantFrequency(samples, from, samples.length, heard.sampleRate(), 100, 3400, 10);
        double level = ToneDetector.rms(samples, from, samples.length);
        LOG.info("baresip decoded {} ms at {} Hz, {} channels ({}): dominant {} Hz, level {}", heard.durationMillis(),
                heard.sampleRate(), heard.channels(), recording.getFileName(), dominant, String.format("%.3f", level));
        assertThat(heard.sampleRate()).as("baresip's decoder rate").isEqualTo(codec.clockRate());
        assertThat(heard.durationMillis()).as("what baresip decoded").isGreaterThan(1200);
        assertThat(dominant).as("dominant frequency baresip heard").isBetween(frequency - 20, frequency + 20);
        assertThat(level).as("level baresip heard").isGreaterThan(0.05);
    }
}
