package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.media.AudioSession;
import io.switchboard.media.CallQuality;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneDetector;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.call.CallManager;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our softphone ({@link SoftphoneCalls}) with a tone as its microphone and a recorder as its
 * speaker, for calls with a peer that is not ours: it keeps every call snapshot it is told of and
 * the audio parameters each offer/answer settled (to check which codec a call really uses).
 */
final class TonePhone implements CallService.CallListener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(TonePhone.class);

    final SoftphoneCalls calls;
    final RecordingSink heard = new RecordingSink(30);
    private final List<Call> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Call> latest = new ConcurrentHashMap<>();
    private final List<NegotiatedAudio> negotiated = new CopyOnWriteArrayList<>();

    TonePhone(CallManager sip, MediaEngine engine, double toneHz, AudioCapabilities capabilities) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.calls = new SoftphoneCalls(sip, engine,
                (media, local) -> new Observed(media.openAudio(local, new ToneSource(toneHz, 0.3), heard),
                        negotiated::add),
                capabilities, loopback, Clock.systemUTC(), Runnable::run);
        calls.addListener(this);
    }

    @Override
    public void callChanged(Call call) {
        seen.add(call);
        latest.put(call.id(), call);
    }

    /** The first call that reached {@code state}. */
    Call awaitState(CallState state) {
        return await(state.name()).atMost(WAIT)
                .until(() -> seen.stream().filter(c -> c.state() == state).findFirst().orElse(null), Objects::nonNull);
    }

    Call awaitState(String id, CallState state) {
        return await(id + " " + state).atMost(WAIT).until(() -> latest.get(id), c -> c != null && c.state() == state);
    }

    /** What the last offer/answer of a call settled (the codec we send, the peer's RTP address). */
    Optional<NegotiatedAudio> lastNegotiated() {
        return negotiated.isEmpty() ? Optional.empty() : Optional.of(negotiated.get(negotiated.size() - 1));
    }

    /** Waits for {@code seconds} of audio after the first 200 ms and checks its frequency and level. */
    void assertHears(double frequency, double seconds) {
        await("audio heard").atMost(WAIT).until(() -> heard.snapshot().durationMillis() >= seconds * 1000 + 200);
        RecordingSink.Recording recording = heard.snapshot();
        short[] samples = recording.samples();
        int from = recording.sampleRate() / 5;
        double dominant = ToneDetector.dominantFrequency(samples, from, samples.length, recording.sampleRate(), 100, 3400, 10);
        double level = ToneDetector.rms(samples, from, samples.length);
        LOG.info("We heard {} ms at {} Hz: dominant {} Hz, level {}, negotiated {}", recording.durationMillis(),
                recording.sampleRate(), dominant, String.format("%.3f", level), lastNegotiated().orElse(null));
        assertThat(dominant).as("dominant frequency we hear").isBetween(frequency - 20, frequency + 20);
        assertThat(level).as("level we hear").isGreaterThan(0.05);
    }

    @Override
    public void close() {
        calls.close();
    }

    /** The real audio session, telling what each start (or renegotiation) was given. */
    private record Observed(AudioSession audio, Consumer<NegotiatedAudio> started) implements AudioSession {

        @Override
        public InetSocketAddress localRtp() {
            return audio.localRtp();
        }

        @Override
        public void start(NegotiatedAudio negotiated) throws MediaException {
            started.accept(negotiated);
            audio.start(negotiated);
        }

        @Override
        public void setMuted(boolean muted) {
            audio.setMuted(muted);
        }

        @Override
        public boolean isMuted() {
            return audio.isMuted();
        }

        @Override
        public void sendDtmf(char digit) {
            audio.sendDtmf(digit);
        }

        @Override
        public void onDtmf(Consumer<Character> listener) {
            audio.onDtmf(listener);
        }

        @Override
        public CallQuality quality() {
            return audio.quality();
        }

        @Override
        public void close() {
            audio.close();
        }
    }
}
