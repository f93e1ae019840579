package io.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneDetector;
import io.switchboard.media.audio.ToneSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two audio sessions on loopback, each sending its own tone through libjitsi's real RTP stack
 * and codecs, each recording what it receives: what comes out must be the other side's tone.
 */
class AudioSessionIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final double CALLER_TONE = 1000;
    private static final double CALLEE_TONE = 600;

    @TempDir
    static Path state;
    private static MediaEngine engine;

    private final RecordingSink callerHears = new RecordingSink(30);
    private final RecordingSink calleeHears = new RecordingSink(30);
    private AudioSession caller;
    private AudioSession callee;

    @BeforeAll
    static void startEngine() throws MediaException {
        engine = MediaEngine.start(new MediaSettings(new RtpPortRange(47000, 47019), state.resolve("media")));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @AfterEach
    void hangUp() {
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
    }

    @ParameterizedTest
    @EnumSource(AudioCodec.class)
    void eachSideHearsTheOthersToneThroughTheCodec(AudioCodec codec) throws MediaException {
        connect(codec, MediaDirection.SENDRECV);

        awaitSeconds(calleeHears, 2);
        awaitSeconds(callerHears, 2);

        assertTone(calleeHears, CALLER_TONE);
        assertTone(callerHears, CALLEE_TONE);
    }

    @Test
    void holdStopsTheAudioBothWaysAndResumeBringsItBack() throws MediaException {
        connect(AudioCodec.OPUS, MediaDirection.SENDRECV);
        awaitSeconds(calleeHears, 1);

        caller.start(plan(callee, AudioCodec.OPUS, MediaDirection.INACTIVE));
        callee.start(plan(caller, AudioCodec.OPUS, MediaDirection.INACTIVE));
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        calleeHears.clear();
        callerHears.clear();
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

        assertSilent(calleeHears);
        assertSilent(callerHears);

        caller.start(plan(callee, AudioCodec.OPUS, MediaDirection.SENDRECV));
        callee.start(plan(caller, AudioCodec.OPUS, MediaDirection.SENDRECV));
        calleeHears.clear();
        callerHears.clear();
        awaitSeconds(calleeHears, 1);
        awaitSeconds(callerHears, 1);

        assertTone(calleeHears, CALLER_TONE);
        assertTone(callerHears, CALLEE_TONE);
    }

    @Test
    void muteSendsNoAudioButKeepsReceiving() throws MediaException {
        connect(AudioCodec.PCMU, MediaDirection.SENDRECV);
        awaitSeconds(calleeHears, 1);

        caller.setMuted(true);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        calleeHears.clear();
        callerHears.clear();
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

        assertThat(caller.isMuted()).isTrue();
        assertSilent(calleeHears);
        awaitSeconds(callerHears, 0.5);
        assertTone(callerHears, CALLEE_TONE);
    }

    @Test
    void dtmfDigitsArriveInOrderAsTelephoneEvents() throws MediaException {
        connect(AudioCodec.PCMU, MediaDirection.SENDRECV);
        List<Character> received = new CopyOnWriteArrayList<>();
        callee.onDtmf(received::add);
        awaitSeconds(calleeHears, 0.5);

        for (char digit : "159#*0".toCharArray()) {
            caller.sendDtmf(digit);
            int expected = received.size() + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= expected);
            // RFC 4733 needs a gap between digits for the receiver to tell two presses apart
            await().pollDelay(Duration.ofMillis(150)).until(() -> true);
        }

        assertThat(received).containsExactly('1', '5', '9', '#', '*', '0');
        assertThatThrownBy(() -> caller.sendDtmf('x')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qualityShowsAHealthyLoopbackCall() throws MediaException {
        connect(AudioCodec.OPUS, MediaDirection.SENDRECV);
        awaitSeconds(calleeHears, 2);

        var quality = callee.quality();

        assertThat(quality.packetsReceived()).isGreaterThan(50);
        assertThat(quality.packetLossPercent()).isLessThan(1.0);
        assertThat(quality.meanOpinionScore()).isGreaterThan(4.0);
        // the round trip needs the peer's report of one of our sender reports (RTCP every ~5 s)
        await().atMost(Duration.ofSeconds(20)).until(() -> callee.quality().roundTripMillis() >= 0);
        assertThat(callee.quality().roundTripMillis()).as("RTT on loopback, ms").isBetween(0L, 50L);
    }

    @Test
    void rtpFromAnotherSourceIsIgnored() throws Exception {
        connect(AudioCodec.PCMU, MediaDirection.SENDRECV);
        awaitSeconds(calleeHears, 0.5);
        InetSocketAddress target = callee.localRtp();
        try (java.net.DatagramSocket intruder = new java.net.DatagramSocket(0, LOOPBACK)) {
            // a loud 3 kHz PCMU stream with its own SSRC, sent to the callee's RTP port every 20 ms
            byte[] packet = new byte[12 + 160];
            packet[0] = (byte) 0x80;
            packet[8] = 0x12;
            packet[9] = 0x34;
            ToneSource loud = new ToneSource(3000, 0.9);
            short[] frame = new short[960];
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
            calleeHears.clear();
            for (int seq = 0; System.nanoTime() < until; seq++) {
                loud.read(frame);
                for (int i = 0; i < 160; i++) {
                    packet[12 + i] = MuLaw.encode(frame[i * 6]);
                }
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                int timestamp = seq * 160;
                packet[4] = (byte) (timestamp >> 24);
                packet[5] = (byte) (timestamp >> 16);
                packet[6] = (byte) (timestamp >> 8);
                packet[7] = (byte) timestamp;
                intruder.send(new java.net.DatagramPacket(packet, packet.length, target));
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
        }

        RecordingSink.Recording heard = calleeHears.snapshot();
        assertThat(ToneDetector.power(heard.samples(), 0, heard.samples().length, heard.sampleRate(), 3000))
                .as("power of the intruder's 3 kHz")
                .isLessThan(ToneDetector.power(heard.samples(), 0, heard.samples().length, heard.sampleRate(), CALLER_TONE) / 100);
        assertTone(calleeHears, CALLER_TONE);
    }

    /** G.711 mu-law (ITU-T G.711), for the intruder's packets. */
    private static final class MuLaw {
        static byte encode(short pcm) {
            int sign = (pcm >> 8) & 0x80;
            int magnitude = Math.min(Math.abs((int) pcm), 32635) + 0x84;
            int exponent = 7;
            for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
                exponent--;
            }
            int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }
    }

    @Test
    void thePortRangeRunsOutWithAClearError() throws MediaException {
        List<AudioSession> open = new CopyOnWriteArrayList<>();
        try {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 11; i++) {
                    open.add(engine.openAudio(LOOPBACK, new ToneSource(440, 0.1), new RecordingSink(1)));
                }
            }).isInstanceOf(MediaException.class).hasMessageContaining("No free RTP port pair in 47000-47019");
            assertThat(open).hasSize(10);
            assertThat(open).allSatisfy(s -> assertThat(s.localRtp().getPort()).isBetween(47000, 47018).isEven());
        } finally {
            open.forEach(AudioSession::close);
        }
        engine.openAudio(LOOPBACK, new ToneSource(440, 0.1), new RecordingSink(1)).close();
    }

    private void connect(AudioCodec codec, MediaDirection direction) throws MediaException {
        caller = engine.openAudio(LOOPBACK, new ToneSource(CALLER_TONE, 0.3), callerHears);
        callee = engine.openAudio(LOOPBACK, new ToneSource(CALLEE_TONE, 0.3), calleeHears);
        caller.start(plan(callee, codec, direction));
        callee.start(plan(caller, codec, direction.reversed()));
    }

    private static NegotiatedAudio plan(AudioSession peer, AudioCodec codec, MediaDirection direction) {
        InetSocketAddress rtp = peer.localRtp();
        return new NegotiatedAudio(rtp, new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1), codec,
                codec.defaultPayloadType(), OptionalInt.of(101), direction, 20);
    }

    private static void awaitSeconds(RecordingSink sink, double seconds) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sink.snapshot().durationMillis() >= seconds * 1000);
    }

    private static void assertTone(RecordingSink sink, double frequency) {
        RecordingSink.Recording recording = sink.snapshot();
        short[] samples = recording.samples();
        // skip the first 200 ms: jitter buffer fill and codec start-up
        int from = Math.min(samples.length, recording.sampleRate() / 5);
        assertThat(ToneDetector.dominantFrequency(samples, from, samples.length, recording.sampleRate(), 100, 3400, 10))
                .as("dominant frequency received")
                .isBetween(frequency - 20, frequency + 20);
        assertThat(ToneDetector.rms(samples, from, samples.length)).as("level received").isGreaterThan(0.05);
    }

    private static void assertSilent(RecordingSink sink) {
        RecordingSink.Recording recording = sink.snapshot();
        short[] samples = recording.samples();
        assertThat(ToneDetector.rms(samples, 0, samples.length)).as("level received").isLessThan(0.01);
    }
}
