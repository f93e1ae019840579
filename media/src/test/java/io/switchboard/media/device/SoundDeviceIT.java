package io.switchboard.media.device;

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
import io.switchboard.media.audio.CadencedTone;
import io.switchboard.media.audio.PcmFormat;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneDetector;
import io.switchboard.media.audio.ToneSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sound-card path through Java Sound and ALSA, on a sound card made of files
 * (src/test/alsa): what the microphone captures, what the speaker plays, the ringer's cadence, a
 * chosen device that is unplugged, and a call whose audio goes from the microphone over RTP and
 * from RTP to the speaker. Linux only: the file sound card is an ALSA configuration.
 */
@EnabledOnOs(OS.LINUX)
class SoundDeviceIT {

    private static final double MICROPHONE_TONE = 1000;
    private static final double FAR_END_TONE = 600;

    @TempDir
    Path state;
    private FileSoundCard card;
    private final AtomicReference<AudioDevicePreferences> chosen =
            new AtomicReference<>(AudioDevicePreferences.SYSTEM_DEFAULTS);
    private AudioDevices devices;

    @BeforeEach
    void plugIn() throws IOException {
        card = FileSoundCard.fromEnvironment();
        card.speakIntoMicrophone(new ToneSource(MICROPHONE_TONE, 0.5), 30);
        card.clearSpeaker();
        devices = new AudioDevices(new SoundCards(), chosen::get);
    }

    @AfterEach
    void unplug() {
        devices.close();
    }

    @Test
    void theSystemDefaultDevicesAreListed() {
        assertThat(devices.microphones()).isNotEmpty().allSatisfy(d -> assertThat(d.kind()).isEqualTo(DeviceKind.CAPTURE));
        assertThat(devices.speakers()).isNotEmpty().allSatisfy(d -> assertThat(d.kind()).isEqualTo(DeviceKind.PLAYBACK));
    }

    @Test
    void theMicrophoneDeliversWhatTheDeviceCaptures() {
        try (MicrophoneSource microphone = devices.openMicrophone()) {
            short[] heard = readPaced(microphone, 25);

            assertThat(microphone.problem()).isEmpty();
            assertThat(microphone.silentFrames()).isZero();
            assertThat(dominant(heard, PcmFormat.SAMPLE_RATE)).isBetween(MICROPHONE_TONE - 20, MICROPHONE_TONE + 20);
            assertThat(ToneDetector.rms(heard, 0, heard.length)).isBetween(0.3, 0.4);
        }
    }

    @Test
    void aChosenMicrophoneThatIsUnpluggedGivesWayToTheSystemDefault() {
        chosen.set(AudioDevicePreferences.SYSTEM_DEFAULTS.withMicrophone("USB Headset (unplugged)"));

        try (MicrophoneSource microphone = devices.openMicrophone()) {
            short[] heard = readPaced(microphone, 10);

            assertThat(microphone.problem()).isEmpty();
            assertThat(dominant(heard, PcmFormat.SAMPLE_RATE)).isBetween(MICROPHONE_TONE - 20, MICROPHONE_TONE + 20);
        }
    }

    @Test
    void aMicrophoneWhoseDeviceWentAwayIsOpenedAgainByTheWatcher() {
        try (MicrophoneSource microphone = devices.openMicrophone()) {
            readPaced(microphone, 5);
            synchronized (microphone) {
                // what unplugging does to an open line: the system closes it under us
                microphone.line().close();
            }
            short[] meanwhile = readPaced(microphone, 2);
            assertThat(ToneDetector.rms(meanwhile, 0, meanwhile.length)).as("silence while unplugged").isZero();

            devices.refreshNow();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                synchronized (microphone) {
                    return microphone.line() != null && microphone.line().isOpen();
                }
            });
            short[] after = readPaced(microphone, 10);
            assertThat(dominant(after, PcmFormat.SAMPLE_RATE)).isBetween(MICROPHONE_TONE - 20, MICROPHONE_TONE + 20);
        }
    }

    @Test
    void theSpeakerPlaysAtTheChosenVolume() throws IOException {
        devices.setSpeakerVolume(0.5);
        ToneSource tone = new ToneSource(2000, 0.5);
        short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];

        try (SpeakerSink speaker = devices.openSpeaker()) {
            for (int i = 0; i < 25; i++) {
                tone.read(frame);
                speaker.accept(frame, frame.length, PcmFormat.SAMPLE_RATE);
            }
            assertThat(speaker.droppedSamples()).isZero();
        }

        short[] played = card.played();
        assertThat(played).hasSize(25 * PcmFormat.SAMPLES_PER_FRAME);
        assertThat(dominant(played, PcmFormat.SAMPLE_RATE)).isBetween(1980.0, 2020.0);
        // a 0.5 sine is 0.354 RMS; at half volume 0.177
        assertThat(ToneDetector.rms(played, 0, played.length)).isBetween(0.16, 0.19);
    }

    @Test
    void theSpeakerFollowsTheDecodersSampleRate() throws IOException {
        short[] narrowband = new short[160];
        for (int i = 0; i < narrowband.length; i++) {
            narrowband[i] = (short) (10_000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }

        try (SpeakerSink speaker = devices.openSpeaker()) {
            speaker.accept(new short[960], 960, PcmFormat.SAMPLE_RATE);
            for (int i = 0; i < 25; i++) {
                speaker.accept(narrowband, narrowband.length, 8000);
            }
        }

        // the line was re-opened at 8 kHz, so the file now holds only the 8 kHz audio
        short[] played = card.played();
        assertThat(played).hasSize(25 * 160);
        assertThat(dominant(played, 8000)).isBetween(980.0, 1020.0);
    }

    @Test
    void theRingerRingsInItsCadenceUntilStopped() throws IOException {
        try (TonePlayer ringer = devices.ring(CadencedTone.ringtone())) {
            LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
            assertThat(ringer.audible()).isTrue();
        }

        short[] played = card.played();
        int perMilli = PcmFormat.SAMPLE_RATE / 1000;
        assertThat(played.length).isGreaterThan(1000 * perMilli);
        // 400 ms ring, 200 ms pause, 400 ms ring, then 2 s of quiet
        assertThat(ToneDetector.rms(played, 0, 400 * perMilli)).isGreaterThan(0.1);
        assertThat(ToneDetector.rms(played, 400 * perMilli, 600 * perMilli)).isZero();
        assertThat(ToneDetector.rms(played, 600 * perMilli, 1000 * perMilli)).isGreaterThan(0.1);
        assertThat(ToneDetector.rms(played, 1000 * perMilli, played.length)).isZero();
        assertThat(ToneDetector.power(played, 0, 400 * perMilli, PcmFormat.SAMPLE_RATE, 784))
                .isGreaterThan(100 * ToneDetector.power(played, 0, 400 * perMilli, PcmFormat.SAMPLE_RATE, 600));
    }

    @Test
    void aCallCarriesTheMicrophoneToTheFarEndAndTheFarEndToTheSpeaker() throws MediaException, IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        RecordingSink farEndHears = new RecordingSink(30);
        MicrophoneSource microphone;
        SpeakerSink speaker;
        try (MediaEngine engine = MediaEngine.start(new MediaSettings(new RtpPortRange(47600, 47619), state))) {
            microphone = devices.openMicrophone();
            speaker = devices.openSpeaker();
            try (AudioSession near = engine.openAudio(loopback, microphone, speaker);
                 AudioSession far = engine.openAudio(loopback, new ToneSource(FAR_END_TONE, 0.5), farEndHears)) {
                near.start(plan(far));
                far.start(plan(near));

                await().atMost(Duration.ofSeconds(15)).until(() -> farEndHears.snapshot().durationMillis() >= 2000
                        && card.played().length >= 2 * PcmFormat.SAMPLE_RATE);
            }
        }

        RecordingSink.Recording atFarEnd = farEndHears.snapshot();
        short[] sent = atFarEnd.samples();
        int skip = atFarEnd.sampleRate() / 5;
        assertThat(dominant(sent, skip, atFarEnd.sampleRate())).as("the far end hears the microphone")
                .isBetween(MICROPHONE_TONE - 20, MICROPHONE_TONE + 20);
        short[] played = card.played();
        assertThat(dominant(played, PcmFormat.SAMPLE_RATE / 5, PcmFormat.SAMPLE_RATE)).as("the speaker plays the far end")
                .isBetween(FAR_END_TONE - 20, FAR_END_TONE + 20);
        assertThat(microphone.isClosed()).as("the call released its microphone").isTrue();
        assertThat(speaker.isClosed()).as("the call released its speaker").isTrue();
    }

    private static NegotiatedAudio plan(AudioSession peer) {
        InetSocketAddress rtp = peer.localRtp();
        return new NegotiatedAudio(rtp, new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1), AudioCodec.OPUS,
                AudioCodec.OPUS.defaultPayloadType(), OptionalInt.of(101), MediaDirection.SENDRECV, 20);
    }

    /** Reads frames every 20 ms, the way the media engine does. */
    private static short[] readPaced(MicrophoneSource microphone, int frames) {
        short[] all = new short[frames * PcmFormat.SAMPLES_PER_FRAME];
        short[] frame = new short[PcmFormat.SAMPLES_PER_FRAME];
        for (int i = 0; i < frames; i++) {
            microphone.read(frame);
            System.arraycopy(frame, 0, all, i * frame.length, frame.length);
            LockSupport.parkNanos(Duration.ofMillis(PcmFormat.FRAME_MILLIS).toNanos());
        }
        return all;
    }

    private static double dominant(short[] samples, int sampleRate) {
        return dominant(samples, 0, sampleRate);
    }

    private static double dominant(short[] samples, int from, int sampleRate) {
        return ToneDetector.dominantFrequency(samples, from, samples.length, sampleRate, 100, 3400, 10);
    }
}
