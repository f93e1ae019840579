package io.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.SrtpKey;
import io.switchboard.media.SrtpKeys;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.SrtpSuite;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneDetector;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.media.sdp.SdpAnswer;
import io.switchboard.media.sdp.SdpException;
import io.switchboard.media.sdp.SdpOffer;
import io.switchboard.media.sdp.SdpSession;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two audio sessions on loopback negotiating SRTP through their SDP (RFC 4568) and sending tones
 * through libjitsi's real SRTP: each must hear the other, the wire must not carry plain RTP, and
 * a wrong key must give silence.
 */
class SrtpAudioSessionIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final double CALLER_TONE = 1000;
    private static final double CALLEE_TONE = 600;
    /** RTP header without CSRCs or extensions, as libjitsi sends it. */
    private static final int RTP_HEADER = 12;
    /** 20 ms of PCMU. */
    private static final int PCMU_FRAME = 160;

    @TempDir
    static Path state;
    private static MediaEngine engine;

    private final RecordingSink callerHears = new RecordingSink(30);
    private final RecordingSink calleeHears = new RecordingSink(30);
    private AudioSession caller;
    private AudioSession callee;
    private SdpSession callerSdp;
    private SdpSession calleeSdp;

    @BeforeAll
    static void startEngine() throws MediaException {
        engine = MediaEngine.start(new MediaSettings(new RtpPortRange(47100, 47119), state.resolve("media")));
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
    @EnumSource(value = AudioCodec.class, names = {"OPUS", "PCMU"})
    void eachSideHearsTheOtherThroughSrtp(AudioCodec codec) throws Exception {
        Negotiated call = negotiate(codec, SrtpPolicy.REQUIRED, SrtpPolicy.OPTIONAL);
        assertThat(call.caller().srtp()).isPresent();
        assertThat(call.callee().srtp()).isPresent();

        callee.start(call.callee());
        caller.start(call.caller());
        awaitSeconds(calleeHears, 2);
        awaitSeconds(callerHears, 2);

        assertTone(calleeHears, CALLER_TONE);
        assertTone(callerHears, CALLEE_TONE);
    }

    /**
     * What the caller puts on the wire, caught by a plain UDP socket standing in for the callee:
     * plain RTP carries the 1 kHz tone's PCMU bytes, which repeat every 8 samples at 8 kHz, and no
     * more than a 160-byte payload; SRTP carries 10 more bytes (the HMAC-SHA1-80 tag) and bytes
     * with no such pattern. The plain capture shows the check would see the tone if it were there.
     */
    @Test
    void theWireCarriesSrtpNotPlainRtp() throws Exception {
        List<byte[]> plain = captureCallerPackets(SrtpPolicy.OFF);
        caller.close();
        callee.close();
        List<byte[]> encrypted = captureCallerPackets(SrtpPolicy.REQUIRED);

        assertThat(plain).allSatisfy(p -> assertThat(p).hasSize(RTP_HEADER + PCMU_FRAME));
        assertThat(periodicity(plain)).as("plain RTP: share of payload bytes repeating every 8").isGreaterThan(0.8);

        assertThat(encrypted).allSatisfy(p -> assertThat(p)
                .hasSize(RTP_HEADER + PCMU_FRAME + SrtpSuite.AES_CM_128_HMAC_SHA1_80.authTagBytes()));
        assertThat(periodicity(encrypted)).as("SRTP: share of payload bytes repeating every 8").isLessThan(0.1);
        // the header stays readable (RFC 3711 3.1): version 2, PCMU
        assertThat(encrypted).allSatisfy(p -> {
            assertThat((p[0] & 0xC0) >> 6).isEqualTo(2);
            assertThat(p[1] & 0x7F).isEqualTo(0);
        });
    }

    /**
     * The callee decrypts with a key the caller does not use: every RTP and RTCP packet fails
     * authentication, while the other direction, keyed right, works.
     */
    @Test
    void aWrongKeyGivesSilence() throws Exception {
        Negotiated call = negotiate(AudioCodec.PCMU, SrtpPolicy.REQUIRED, SrtpPolicy.REQUIRED);
        SrtpKeys right = call.callee().srtp().orElseThrow();
        SrtpKeys wrong = new SrtpKeys(right.suite(), right.local(), SrtpKey.generate());

        callee.start(call.callee().withSrtp(Optional.of(wrong)));
        caller.start(call.caller());
        // the other direction has the right keys: the call itself works
        awaitSeconds(callerHears, 1.5);
        assertTone(callerHears, CALLEE_TONE);

        assertSilent(calleeHears);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> ((RtpAudioSession) caller).rtcpReportsReceived() > 0);
        assertThat(((RtpAudioSession) callee).rtcpReportsReceived()).as("RTCP reports the callee could read").isZero();
    }

    /** A receiver that expects plain RTP gets ciphertext: noise at most, never the caller's tone. */
    @Test
    void aPlainReceiverDoesNotHearAnSrtpSender() throws Exception {
        Negotiated call = negotiate(AudioCodec.PCMU, SrtpPolicy.REQUIRED, SrtpPolicy.REQUIRED);

        callee.start(call.callee().withSrtp(Optional.empty()));
        caller.start(call.caller());
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);

        RecordingSink.Recording heard = calleeHears.snapshot();
        short[] samples = heard.samples();
        double tone = ToneDetector.power(samples, 0, samples.length, heard.sampleRate(), CALLER_TONE);
        double total = 0;
        for (double f = 100; f <= 3400; f += 100) {
            total += ToneDetector.power(samples, 0, samples.length, heard.sampleRate(), f);
        }
        assertThat(tone).as("share of the 1 kHz tone in what the plain receiver heard").isLessThan(total / 5 + 1e-9);
    }

    /**
     * RTCP goes as SRTCP under the same keys (RFC 3711 3.4): the round-trip time needs a sender
     * report to reach the other side and its receiver report to come back, both decrypted.
     */
    @Test
    void rtcpReportsCrossAsSrtcp() throws Exception {
        Negotiated call = negotiate(AudioCodec.PCMU, SrtpPolicy.REQUIRED, SrtpPolicy.REQUIRED);
        callee.start(call.callee());
        caller.start(call.caller());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> ((RtpAudioSession) caller).rtcpReportsReceived() > 0
                        && ((RtpAudioSession) callee).rtcpReportsReceived() > 0);
    }

    /** Hold and resume are re-offers with fresh keys (RFC 4568 7.1.4): the audio comes back re-keyed. */
    @Test
    void aReofferReKeysBothWaysAndTheAudioGoesOn() throws Exception {
        Negotiated first = negotiate(AudioCodec.OPUS, SrtpPolicy.OPTIONAL, SrtpPolicy.OPTIONAL);
        callee.start(first.callee());
        caller.start(first.caller());
        awaitSeconds(calleeHears, 1);

        SdpOffer reoffer = callerSdp.createOffer(MediaDirection.SENDRECV);
        SdpAnswer answer = calleeSdp.answer(reoffer.sdp(), MediaDirection.SENDRECV);
        NegotiatedAudio callerNow = callerSdp.readAnswer(reoffer, answer.sdp());
        callee.start(answer.audio());
        caller.start(callerNow);
        assertThat(callerNow.srtp().orElseThrow().local()).isNotEqualTo(first.caller().srtp().orElseThrow().local());
        assertThat(answer.audio().srtp().orElseThrow().local())
                .isNotEqualTo(first.callee().srtp().orElseThrow().local());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        calleeHears.clear();
        callerHears.clear();
        awaitSeconds(calleeHears, 1.5);
        awaitSeconds(callerHears, 1.5);

        assertTone(calleeHears, CALLER_TONE);
        assertTone(callerHears, CALLEE_TONE);
    }

    /**
     * The callee takes a re-offer's new keys but the caller never sees the answer and keeps its
     * old ones: both directions go silent, so the re-key really reached libjitsi's SRTP contexts
     * (and the test above is not passing on the first keys).
     */
    @Test
    void reKeyingOneSideOnlySilencesTheCall() throws Exception {
        Negotiated first = negotiate(AudioCodec.PCMU, SrtpPolicy.REQUIRED, SrtpPolicy.REQUIRED);
        callee.start(first.callee());
        caller.start(first.caller());
        awaitSeconds(calleeHears, 1);
        awaitSeconds(callerHears, 1);

        SdpOffer reoffer = callerSdp.createOffer(MediaDirection.SENDRECV);
        callee.start(calleeSdp.answer(reoffer.sdp(), MediaDirection.SENDRECV).audio());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        calleeHears.clear();
        callerHears.clear();
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);

        assertSilent(calleeHears);
        assertSilent(callerHears);
    }

    private record Negotiated(NegotiatedAudio caller, NegotiatedAudio callee) {
    }

    /** Opens both sessions and runs a real offer/answer between their SDP sessions, over "TLS". */
    private Negotiated negotiate(AudioCodec codec, SrtpPolicy callerPolicy, SrtpPolicy calleePolicy)
            throws MediaException, SdpException {
        caller = engine.openAudio(LOOPBACK, new ToneSource(CALLER_TONE, 0.3), callerHears);
        callee = engine.openAudio(LOOPBACK, new ToneSource(CALLEE_TONE, 0.3), calleeHears);
        callerSdp = new SdpSession(LOOPBACK, caller.localRtp().getPort(), AudioCapabilities.of(codec), 1, 1,
                callerPolicy, true);
        calleeSdp = new SdpSession(LOOPBACK, callee.localRtp().getPort(), AudioCapabilities.of(codec), 2, 1,
                calleePolicy, true);
        SdpOffer offer = callerSdp.createOffer(MediaDirection.SENDRECV);
        SdpAnswer answer = calleeSdp.answer(offer.sdp(), MediaDirection.SENDRECV);
        return new Negotiated(callerSdp.readAnswer(offer, answer.sdp()), answer.audio());
    }

    /** Negotiates PCMU under the policy, then points the caller at a plain socket and records 25 packets. */
    private List<byte[]> captureCallerPackets(SrtpPolicy policy) throws Exception {
        try (DatagramSocket tap = new DatagramSocket(0, LOOPBACK)) {
            tap.setSoTimeout(5000);
            Negotiated call = negotiate(AudioCodec.PCMU, policy, policy);
            assertThat(call.caller().srtp().isPresent()).isEqualTo(policy != SrtpPolicy.OFF);
            InetSocketAddress at = new InetSocketAddress(LOOPBACK, tap.getLocalPort());
            NegotiatedAudio toTap = new NegotiatedAudio(at, at, AudioCodec.PCMU, 0, call.caller().telephoneEvent(),
                    MediaDirection.SENDRECV, 20, call.caller().srtp());
            caller.start(toTap);
            List<byte[]> packets = new ArrayList<>();
            byte[] buffer = new byte[2048];
            while (packets.size() < 25) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    tap.receive(packet);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the caller sent " + packets.size() + " packets in 5 s", e);
                }
                // RTCP (payload types 200-204 in the second byte) goes to the same tap
                int secondByte = buffer[1] & 0xFF;
                if (secondByte < 200 || secondByte > 204) {
                    packets.add(Arrays.copyOf(buffer, packet.getLength()));
                }
            }
            // the first packets may still carry the start-up silence
            return packets.subList(10, packets.size());
        }
    }

    /** The share of payload bytes equal (within one mu-law step) to the byte 8 samples later. */
    private static double periodicity(List<byte[]> packets) {
        long same = 0;
        long all = 0;
        for (byte[] packet : packets) {
            for (int i = RTP_HEADER; i + 8 < RTP_HEADER + PCMU_FRAME; i++) {
                all++;
                if (Math.abs((packet[i] & 0xFF) - (packet[i + 8] & 0xFF)) <= 1) {
                    same++;
                }
            }
        }
        return (double) same / all;
    }

    private static void awaitSeconds(RecordingSink sink, double seconds) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sink.snapshot().durationMillis() >= seconds * 1000);
    }

    private static void assertTone(RecordingSink sink, double frequency) {
        RecordingSink.Recording recording = sink.snapshot();
        short[] samples = recording.samples();
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
