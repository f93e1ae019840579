package io.switchboard.e2e.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.app.recents.RecentCallRow;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneDetector;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.device.FileSoundCard;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop client's softphone against the bundled server: alice, signed in over SIP, calls a
 * colleague from the dial box and hangs up in the call window, and answers a call in the
 * incoming-call window; the other side is an in-process {@link SoftphoneCalls} on a registered
 * SIP user agent. Real SIP through the server's proxy, real SDP and RTP (silence one way, a tone
 * the other); the Recents tab shows each call afterwards. Alice's sound card is the file sound
 * card of media's tests (ALSA, set up by the pom): what she says is a 1 kHz tone that bob must
 * hear, and her speaker must play bob's 600 Hz tone, and ring before she answers.
 */
class UiSoftphoneIT extends UiTestSupport {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final double ALICE_SAYS = 1000;
    private static final double BOB_SAYS = 600;
    private static final int SAMPLES_PER_SECOND = 48_000;

    @TempDir
    Path home;
    @TempDir
    Path media;

    /** The colleagues' one media engine, per test like the client's own. */
    private MediaEngine colleagueMedia;
    private final List<Colleague> colleagues = new java.util.ArrayList<>();
    private SoftphoneCalls bobCalls;
    private Map<String, Call> bobSees;
    private RecordingSink bobHears;
    private FileSoundCard aliceSoundCard;

    @BeforeEach
    void aliceSpeaks() throws IOException {
        aliceSoundCard = FileSoundCard.fromEnvironment();
        aliceSoundCard.speakIntoMicrophone(new ToneSource(ALICE_SAYS, 0.5), 60);
        aliceSoundCard.clearSpeaker();
    }

    @Override
    BundledServerFixture server() {
        return SERVER;
    }

    @AfterEach
    void hangUpColleagues() {
        colleagues.forEach(Colleague::close);
        if (colleagueMedia != null) {
            colleagueMedia.close();
        }
    }

    @Test
    void theUserCallsAColleagueFromTheDialBoxAndHangsUp() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        startBob(bob);
        launchSignedInOverSip(home, alice);
        awaitMainWindow(alice);
        awaitSoftphone();

        // a colleague in my domain: the bare user name is enough
        robot.clickOn("#dial-box").write(bob.local());
        robot.type(KeyCode.ENTER);

        Call ringing = await().atMost(WAIT).until(() -> bobCall(CallState.INCOMING), Optional::isPresent).orElseThrow();
        assertThat(ringing.remote()).isEqualTo(alice);
        bobCalls.answer(ringing.id());

        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));
        String firstTick = labelText(window, "#call-timer");
        assertThat(firstTick).matches("00:0\\d");
        await().atMost(WAIT).until(() -> !labelText(window, "#call-timer").equals(firstTick));
        // two seconds of the call each way, after the first 200 ms of jitter buffer
        await().atMost(WAIT).until(() -> bobHears.snapshot().durationMillis() >= 2200
                && aliceSoundCard.played().length >= 3 * SAMPLES_PER_SECOND);
        RecordingSink.Recording heard = bobHears.snapshot();
        assertThat(ToneDetector.dominantFrequency(heard.samples(), heard.sampleRate() / 5, heard.samples().length,
                heard.sampleRate(), 100, 3400, 10)).as("bob hears alice's microphone").isBetween(980.0, 1020.0);
        short[] played = aliceSoundCard.played();
        assertThat(ToneDetector.dominantFrequency(played, SAMPLES_PER_SECOND, 3 * SAMPLES_PER_SECOND,
                SAMPLES_PER_SECOND, 100, 3400, 10)).as("alice's speaker plays bob").isBetween(580.0, 620.0);

        // RTCP has reported by now: the quality indicator shows a clean loopback call
        await().atMost(WAIT).until(() -> labelText(window, "#call-quality").startsWith("Good · MOS 4"));

        robot.clickOn(fx(() -> robot.from(window(window).getScene().getRoot()).lookup("#call-hang-up").<javafx.scene.Node>query()));

        await().atMost(WAIT).until(() -> bobSees.get(ringing.id()).state() == CallState.ENDED);
        assertThat(bobSees.get(ringing.id()).end()).contains(CallEndReason.REMOTE_HUNG_UP);
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(window).isEmpty()));

        robot.clickOn(recentsTab());
        await().atMost(WAIT).until(() -> recentRows().size() == 1);
        RecentCallRow placed = recentRows().get(0);
        assertThat(placed.remote()).isEqualTo(bob);
        assertThat(placed.record().outgoing()).isTrue();
        assertThat(placed.detail()).startsWith("Outgoing · ").matches(".* · 00:0\\d");
    }

    @Test
    void aCallComingInRingsInItsOwnWindowAndAnswerConnectsIt() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        startBob(bob);
        launchSignedInOverSip(home, alice);
        awaitMainWindow(alice);
        awaitSoftphone();

        Call dialled = bobCalls.dial(alice);

        String ringWindow = "Incoming call — " + bob;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(ringWindow).isPresent()));
        assertThat(labelText(ringWindow, "#incoming-caller")).isEqualTo(bob.toString());
        assertThat(fx(() -> window(ringWindow).isAlwaysOnTop())).isTrue();
        // the ringer: a double ring at 784 + 988 Hz, the first ring 400 ms long
        await().atMost(WAIT).until(() -> aliceSoundCard.played().length >= SAMPLES_PER_SECOND / 2);
        short[] ring = aliceSoundCard.played();
        assertThat(ToneDetector.dominantFrequency(ring, 0, 2 * SAMPLES_PER_SECOND / 5, SAMPLES_PER_SECOND, 100, 3400,
                2)).as("alice's ringer rings").isIn(784.0, 988.0);

        robot.clickOn(fx(() -> robot.from(window(ringWindow).getScene().getRoot()).lookup("#incoming-answer").<javafx.scene.Node>query()));

        await().atMost(WAIT).until(() -> bobSees.get(dialled.id()).state() == CallState.CONNECTED);
        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(window).isPresent()) && labelText(window, "#call-state")
                .equals("Connected"));
        assertThat(fx(() -> windowIfShowing(ringWindow))).isEmpty();

        bobCalls.hangUp(dialled.id());
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Ended: The other side hung up"));
        robot.clickOn(recentsTab());
        await().atMost(WAIT).until(() -> recentRows().size() == 1);
        assertThat(recentRows().get(0).record().outgoing()).isFalse();
        assertThat(recentRows().get(0).detail()).startsWith("Incoming · ");
    }

    @Test
    void theVoicemailLampShowsNewMessagesAsTheServerReportsThem() throws Exception {
        Address alice = newUser("alice");
        launchSignedInOverSip(home, alice);
        awaitMainWindow(alice);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#voicemail-indicator").query().isVisible()));
        assertThat(fx(() -> robot.lookup("#voicemail-badge").query().isVisible())).isFalse();

        SERVER.server().setVoiceMailbox(alice.local(), 3, 1);

        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#voicemail-badge").query().isVisible()));
        assertThat(fx(() -> robot.lookup("#voicemail-badge").<Label>query().getText())).isEqualTo("3");
        assertThat(fx(() -> robot.lookup("#voicemail-indicator").query().getAccessibleText()))
                .isEqualTo("3 new voice messages, 1 old");

        SERVER.server().setVoiceMailbox(alice.local(), 0, 4);
        await().atMost(WAIT).until(() -> fx(() -> !robot.lookup("#voicemail-badge").query().isVisible()));
    }

    @Test
    void theUserTransfersACallToAnotherColleagueFromTheCallWindow() throws Exception {
        Address alice = newUser("alice");
        Address bob = newUser("bob");
        Address carol = newUser("carol");
        startBob(bob);
        Colleague carolPhone = startColleague(carol, 1400);
        // carol answers whatever rings
        carolPhone.calls.addListener(new CallService.CallListener() {
            @Override
            public void callChanged(Call call) {
                if (call.state() == CallState.INCOMING) {
                    try {
                        carolPhone.calls.answer(call.id());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        });
        launchSignedInOverSip(home, alice);
        awaitMainWindow(alice);
        awaitSoftphone();
        Call fromBob = bobCalls.dial(alice);
        String ringWindow = "Incoming call — " + bob;
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(ringWindow).isPresent()));
        robot.clickOn(fx(() -> robot.from(window(ringWindow).getScene().getRoot()).lookup("#incoming-answer").<javafx.scene.Node>query()));
        String window = "Call — " + bob;
        await().atMost(WAIT).until(() -> labelText(window, "#call-state").equals("Connected"));

        robot.clickOn(nodeIn(window, "#call-transfer"));
        robot.clickOn(nodeIn(window, "#call-transfer-target")).write(carol.local());
        robot.clickOn(nodeIn(window, "#call-transfer-now"));

        // bob's phone follows the REFER: a new call to carol, connected, and alice's call ends
        Call bobToCarol = await().atMost(WAIT).until(() -> bobSees.values().stream()
                .filter(c -> c.remote().equals(carol) && c.state() == CallState.CONNECTED).findFirst(), Optional::isPresent)
                .orElseThrow();
        await().atMost(WAIT).until(() -> bobSees.get(fromBob.id()).state() == CallState.ENDED);
        await().atMost(WAIT).until(() -> fx(() -> windowIfShowing(window).isEmpty())
                || labelText(window, "#call-state").startsWith("Ended"));
        // and they talk: carol hears bob's tone
        await().atMost(WAIT).until(() -> carolPhone.hears.snapshot().durationMillis() >= 1500);
        RecordingSink.Recording heard = carolPhone.hears.snapshot();
        assertThat(ToneDetector.dominantFrequency(heard.samples(), heard.sampleRate() / 5, heard.samples().length,
                heard.sampleRate(), 100, 3400, 10)).as("carol hears bob").isBetween(580.0, 620.0);
        assertThat(bobToCarol.remote()).isEqualTo(carol);
    }

    /** Bob: a registered SIP agent whose softphone sends a tone and records what it hears. */
    private void startBob(Address bob) throws Exception {
        Colleague colleague = startColleague(bob, BOB_SAYS);
        bobCalls = colleague.calls;
        bobSees = colleague.sees;
        bobHears = colleague.hears;
    }

    private Colleague startColleague(Address who, double says) throws Exception {
        if (colleagueMedia == null) {
            colleagueMedia = MediaEngine.start(new MediaSettings(new RtpPortRange(47300, 47399), media));
        }
        Colleague colleague = new Colleague(who, says, colleagueMedia);
        colleagues.add(colleague);
        return colleague;
    }

    /** A registered SIP agent with a softphone that sends a tone and records what it hears. */
    private static final class Colleague {
        final SipUserAgent agent;
        final SoftphoneCalls calls;
        final Map<String, Call> sees = new ConcurrentHashMap<>();
        final RecordingSink hears = new RecordingSink(30);

        Colleague(Address who, double says, MediaEngine media) throws Exception {
            SipAccount account = SipAccount.of(who, password(who),
                    new SipProxy("127.0.0.1", SERVER.sipPort(), SipTransport.UDP));
            agent = SipUserAgent.start(new SipStackFactory(), account, SipUserAgentSettings.defaults());
            agent.registration().register().get(10, TimeUnit.SECONDS);
            calls = new SoftphoneCalls(agent.calls(), media,
                    (engine, local) -> engine.openAudio(local, new ToneSource(says, 0.3), hears),
                    AudioCapabilities.defaults(), LOOPBACK, Clock.systemUTC(), Runnable::run);
            calls.addListener(new CallService.CallListener() {
                @Override
                public void callChanged(Call call) {
                    sees.put(call.id(), call);
                }
            });
        }

        Optional<Call> call(CallState state) {
            return sees.values().stream().filter(c -> c.state() == state).findFirst();
        }

        void close() {
            calls.close();
            agent.close();
        }
    }

    private Optional<Call> bobCall(CallState state) {
        return colleagues.get(0).call(state);
    }

    /** The dial box offers calls once the media engine has started. */
    private void awaitSoftphone() {
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#dial-box").<TextInputControl>query().getPromptText())
                .equals("Call a name, address or number"));
    }

}
