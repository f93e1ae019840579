package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.e2e.interop.sip.KamailioFixture.User;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The calls of {@link BaresipCallInteropIT} with Kamailio as registrar and proxy instead of our
 * server: our SIP user agent and baresip both register with Kamailio (digest), Kamailio
 * challenges the INVITE (407), finds the callee's contact and record-routes the dialog.
 */
class BaresipKamailioCallInteropIT {

    private static final String DOMAIN = "kamailio.interop.test";
    private static final double OUR_TONE = 1000;
    private static final int BARESIPS_TONE = 600;

    @RegisterExtension
    static final KamailioFixture KAMAILIO = new KamailioFixture(KamailioFixture.Config.of(DOMAIN, true,
            new User("alice", "secret-a"), new User("carol", "secret-c")));

    @TempDir
    static Path state;
    private static MediaEngine engine;
    private static SipUserAgent alice;
    private static BaresipFixture carol;

    private TonePhone phone;

    @BeforeAll
    static void start() throws Exception {
        engine = MediaEngine.start(new MediaSettings(new RtpPortRange(47350, 47399), state.resolve("media")));
        alice = SipUserAgent.start(new SipStackFactory(), SipAccount.of(Address.of("alice", DOMAIN),
                KAMAILIO.password("alice"), new SipProxy("127.0.0.1", KAMAILIO.port(), SipTransport.UDP)),
                SipUserAgentSettings.defaults());
        alice.registration().register().get(10, TimeUnit.SECONDS);
        carol = BaresipFixture.start(new BaresipFixture.Config("carol", DOMAIN, KAMAILIO.password("carol"),
                KAMAILIO.hostPort(), "alice", Transport.UDP),
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
            carol.close(KAMAILIO.failed());
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

    private TonePhone ourPhone(AudioCodec codec) {
        phone = new TonePhone(alice.calls(), engine, OUR_TONE, AudioCapabilities.of(codec));
        return phone;
    }

    @ParameterizedTest
    @EnumSource(value = AudioCodec.class, names = {"OPUS", "PCMU"})
    void weCallBaresipThroughKamailioAndHearItsTone(AudioCodec codec) throws Exception {
        TonePhone us = ourPhone(codec);
        int events = carol.events().size();
        int recordings = carol.receivedAudio().size();

        Call dialled = us.calls.dial(Address.of("carol", DOMAIN));

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
    void baresipCallsUsThroughKamailioAndHangsUp(AudioCodec codec) throws Exception {
        TonePhone us = ourPhone(codec);
        int events = carol.events().size();
        int recordings = carol.receivedAudio().size();

        carol.dial("sip:alice@" + DOMAIN);

        Call ringing = us.awaitState(CallState.INCOMING);
        assertThat(ringing.remote()).isEqualTo(Address.of("carol", DOMAIN));
        us.calls.answer(ringing.id());
        us.awaitState(ringing.id(), CallState.CONNECTED);
        carol.awaitEvent("CALL_ESTABLISHED", events, TonePhone.WAIT);
        assertThat(us.lastNegotiated()).get().satisfies(n -> assertThat(n.codec()).isEqualTo(codec));
        us.assertHears(BARESIPS_TONE, 2);

        carol.hangUp();

        Call ended = us.awaitState(ringing.id(), CallState.ENDED);
        assertThat(ended.end()).contains(CallEndReason.REMOTE_HUNG_UP);
        carol.awaitEvent("CALL_CLOSED", events, TonePhone.WAIT);
        await().atMost(TonePhone.WAIT).until(() -> us.calls.calls().isEmpty());
        BaresipHearing.assertBaresipHeard(carol, recordings, OUR_TONE, codec);
    }
}
