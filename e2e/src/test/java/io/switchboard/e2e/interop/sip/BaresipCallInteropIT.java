package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;
import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls with audio between our softphone and baresip, a real SIP phone, through the bundled
 * server's proxy: we call baresip (it answers at once) and baresip calls us, with Opus and with
 * PCMU. Our side sends 1 kHz, baresip 600 Hz; we check the dominant frequency of what we hear and
 * of what baresip decoded (its sndfile dump), and that the call ends on both sides whoever hangs
 * up.
 */
class BaresipCallInteropIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    /** Keeps baresip's directory (config, output, WAV dumps) when a test failed. */
    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    private static final double OUR_TONE = 1000;
    private static final int BARESIPS_TONE = 600;

    @TempDir
    static Path state;
    private static MediaEngine engine;
    private static SipUserAgent alice;
    private static BaresipFixture carol;
    private static volatile boolean failed;

    private TonePhone phone;

    @BeforeAll
    static void start() throws Exception {
        engine = MediaEngine.start(new MediaSettings(new RtpPortRange(47300, 47349), state.resolve("media")));
        SERVER.register("alice", password("alice"));
        SERVER.register("carol", password("carol"));
        alice = SipUserAgent.start(new SipStackFactory(), SipAccount.of(Address.of("alice", SERVER.domain()),
                password("alice"), new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP)),
                SipUserAgentSettings.defaults());
        alice.registration().register().get(10, TimeUnit.SECONDS);
        carol = BaresipFixture.start(new BaresipFixture.Config("carol", SERVER.domain(), password("carol"),
                "127.0.0.1:" + SERVER.sipPort(), "alice", Transport.UDP),
                new BaresipFixture.Audio(BARESIPS_TONE, List.of("opus/48000/2", "PCMU"), true));
        try {
            carol.awaitRegistered(Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            throw new AssertionError("baresip did not register; its output:\n" + carol.output(), e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (carol != null) {
            carol.close(failed);
        }
        if (alice != null) {
            alice.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @AfterEach
    void hangUpEverything() {
        if (phone != null) {
            phone.close();
        }
    }

    private static String password(String user) {
        return "call-" + user;
    }

    private TonePhone ourPhone(AudioCodec codec) {
        phone = new TonePhone(alice.calls(), engine, OUR_TONE, AudioCapabilities.of(codec));
        return phone;
    }

    @ParameterizedTest
    @EnumSource(value = AudioCodec.class, names = {"OPUS", "PCMU"})
    void weCallBaresipWhichAnswersAndWeHearItsTone(AudioCodec codec) throws Exception {
        TonePhone us = ourPhone(codec);
        int events = carol.events().size();
        int recordings = carol.receivedAudio().size();

        Call dialled = us.calls.dial(Address.of("carol", SERVER.domain()));

        us.awaitState(dialled.id(), CallState.CONNECTED);
        carol.awaitEvent("CALL_ESTABLISHED", events, TonePhone.WAIT);
        assertThat(us.lastNegotiated()).get().satisfies(n -> assertThat(n.codec()).isEqualTo(codec));
        us.assertHears(BARESIPS_TONE, 2);

        us.calls.hangUp(dialled.id());

        carol.awaitEvent("CALL_CLOSED", events, TonePhone.WAIT);
        assertThat(us.calls.calls()).isEmpty();
        BaresipHearing.assertBaresipHeard(carol, recordings, OUR_TONE, codec);
    }

    @ParameterizedTest
    @EnumSource(value = AudioCodec.class, names = {"OPUS", "PCMU"})
    void baresipCallsUsWeAnswerAndItHangsUp(AudioCodec codec) throws Exception {
        TonePhone us = ourPhone(codec);
        int events = carol.events().size();
        int recordings = carol.receivedAudio().size();

        carol.dial("sip:alice@" + SERVER.domain());

        Call ringing = us.awaitState(CallState.INCOMING);
        assertThat(ringing.remote()).isEqualTo(Address.of("carol", SERVER.domain()));
        us.calls.answer(ringing.id());
        us.awaitState(ringing.id(), CallState.CONNECTED);
        carol.awaitEvent("CALL_ESTABLISHED", events, TonePhone.WAIT);
        assertThat(us.lastNegotiated()).get().satisfies(n -> assertThat(n.codec()).isEqualTo(codec));
        us.assertHears(BARESIPS_TONE, 2);

        carol.hangUp();

        Call ended = us.awaitState(ringing.id(), CallState.ENDED);
        assertThat(ended.end()).contains(CallEndReason.REMOTE_HUNG_UP);
        assertThat(ended.connectedAt()).isPresent();
        carol.awaitEvent("CALL_CLOSED", events, TonePhone.WAIT);
        await().atMost(TonePhone.WAIT).until(() -> us.calls.calls().isEmpty());
        BaresipHearing.assertBaresipHeard(carol, recordings, OUR_TONE, codec);
    }
}
