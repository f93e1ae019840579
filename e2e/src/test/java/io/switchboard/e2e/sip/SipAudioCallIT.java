package io.switchboard.e2e.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.media.AudioCodec;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.audio.RecordingSink;
import io.switchboard.media.audio.ToneDetector;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.tls.SipTlsTrust;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Softphone calls with real audio between two of our clients through the bundled server: SIP
 * INVITE dialogs through its proxy, SDP offer/answer, RTP on libjitsi. The caller sends 1 kHz, the
 * callee 600 Hz; each records what it hears and the test checks the dominant frequency (Goertzel).
 */
class SipAudioCallIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    @RegisterExtension
    final ServerUsers users = new ServerUsers(SERVER);

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path state;
    private static MediaEngine engine;

    @BeforeAll
    static void startMedia() throws Exception {
        engine = MediaEngine.start(new MediaSettings(new RtpPortRange(47100, 47199), state.resolve("media")));
    }

    @AfterAll
    static void stopMedia() {
        engine.close();
    }

    @ParameterizedTest
    @EnumSource(value = AudioCodec.class, names = {"OPUS", "PCMU"})
    void twoClientsTalkThroughTheServer(AudioCodec codec) throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.of(codec));
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());

        Call dialled = alice.calls.dial(bob.address);
        Call ringing = bob.awaitState(CallState.INCOMING);
        assertThat(ringing.remote()).isEqualTo(alice.address);
        alice.awaitState(dialled.id(), CallState.RINGING);

        bob.calls.answer(ringing.id());

        alice.awaitState(dialled.id(), CallState.CONNECTED);
        bob.awaitState(ringing.id(), CallState.CONNECTED);
        assertHears(bob, 1000, 2);
        assertHears(alice, 600, 2);
        // the server saw the INVITE answered (it Record-Routes calls): both are "On the phone"
        await().atMost(WAIT).until(() -> availability(alice) == Availability.ON_THE_PHONE
                && availability(bob) == Availability.ON_THE_PHONE);

        alice.calls.hangUp(dialled.id());

        Call ended = bob.awaitState(ringing.id(), CallState.ENDED);
        assertThat(ended.end()).contains(CallEndReason.REMOTE_HUNG_UP);
        assertThat(ended.connectedAt()).isPresent();
        assertThat(alice.calls.calls()).isEmpty();
        assertThat(bob.calls.calls()).isEmpty();
        // the BYE passed the server: back to what the registrations say
        await().atMost(WAIT).until(() -> availability(alice) == Availability.AVAILABLE
                && availability(bob) == Availability.AVAILABLE);
    }

    private static Availability availability(Phone phone) {
        return SERVER.server().presenceEngine().composedPresence(phone.address).availability();
    }

    @Test
    void holdSilencesBothWaysAndResumeBringsTheAudioBack() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        String id = connect(alice, bob);

        alice.calls.hold(id, true);

        alice.awaitState(id, CallState.ON_HOLD);
        bob.awaitState(id, CallState.HELD);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        alice.heard.clear();
        bob.heard.clear();
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertSilent(alice);
        assertSilent(bob);

        alice.calls.hold(id, false);

        alice.awaitState(id, CallState.CONNECTED);
        bob.awaitState(id, CallState.CONNECTED);
        alice.heard.clear();
        bob.heard.clear();
        assertHears(bob, 1000, 1);
        assertHears(alice, 600, 1);
    }

    @Test
    void keypadDigitsReachTheOtherSide() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        String id = connect(alice, bob);

        for (char digit : "2580#".toCharArray()) {
            alice.calls.sendDtmf(id, digit);
            int expected = bob.digits.size() + 1;
            await().atMost(WAIT).until(() -> bob.digits.size() >= expected);
            await().pollDelay(Duration.ofMillis(150)).until(() -> true);
        }

        assertThat(bob.digits).containsExactly('2', '5', '8', '0', '#');
    }

    @Test
    void anOfferWithNoCommonCodecIsRefusedWith488BeforeItRings() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.of(AudioCodec.PCMA));
        Phone bob = phone("bob", 600, AudioCapabilities.of(AudioCodec.OPUS));

        Call dialled = alice.calls.dial(bob.address);

        Call ended = alice.awaitState(dialled.id(), CallState.ENDED);
        assertThat(ended.end()).contains(CallEndReason.NO_COMMON_MEDIA);
        assertThat(ended.detail()).startsWith("488");
        assertThat(bob.seen).isEmpty();
    }

    @Test
    void aDeclinedCallEndsAsDeclinedForTheCallerAndIsNotMissedForTheCallee() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        Call dialled = alice.calls.dial(bob.address);
        Call ringing = bob.awaitState(CallState.INCOMING);

        bob.calls.decline(ringing.id());

        assertThat(alice.awaitState(dialled.id(), CallState.ENDED).end()).contains(CallEndReason.DECLINED);
        Call declined = bob.awaitState(ringing.id(), CallState.ENDED);
        assertThat(declined.end()).contains(CallEndReason.DECLINED_BY_ME);
        assertThat(declined.isMissed()).isFalse();
    }

    @Test
    void withoutCallWaitingASecondCallerHearsBusy() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        Phone carol = phone("carol", 1500, AudioCapabilities.defaults());
        bob.calls.setCallWaiting(false);
        String aliceToBob = connect(alice, bob);

        Call dialled = carol.calls.dial(bob.address);

        Call ended = carol.awaitState(dialled.id(), CallState.ENDED);
        assertThat(ended.end()).contains(CallEndReason.BUSY);
        assertThat(ended.detail()).startsWith("486");
        assertThat(bob.calls.calls()).extracting(Call::id).containsExactly(aliceToBob);
    }

    @Test
    void withCallWaitingASecondCallRingsAndAnsweringItHoldsTheFirst() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        Phone carol = phone("carol", 1500, AudioCapabilities.defaults());
        String aliceToBob = connect(alice, bob);

        Call dialled = carol.calls.dial(bob.address);
        Call waiting = bob.awaitCall(call -> call.state() == CallState.INCOMING && call.remote().equals(carol.address));
        bob.calls.answer(waiting.id());

        carol.awaitState(dialled.id(), CallState.CONNECTED);
        bob.awaitState(aliceToBob, CallState.ON_HOLD);
        alice.awaitState(aliceToBob, CallState.HELD);
        bob.heard.clear();
        assertHears(bob, 1500, 1);
    }

    @Test
    void aCallTheCallerGivesUpIsMissed() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        Call dialled = alice.calls.dial(bob.address);
        Call ringing = bob.awaitState(CallState.INCOMING);
        alice.awaitState(dialled.id(), CallState.RINGING);

        alice.calls.hangUp(dialled.id());

        assertThat(bob.awaitState(ringing.id(), CallState.ENDED).isMissed()).isTrue();
    }

    @Test
    void aBlindTransferLeavesTheTransfereeTalkingToTheTarget() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        Phone carol = phone("carol", 1500, AudioCapabilities.defaults());
        String aliceToBob = connect(alice, bob);
        carol.answerEverything();

        alice.calls.transfer(aliceToBob, carol.address);

        Call aliceCall = alice.awaitState(aliceToBob, CallState.ENDED);
        assertThat(aliceCall.end()).contains(CallEndReason.TRANSFERRED);
        Call bobToCarol = bob.awaitCall(call -> call.outgoing() && call.remote().equals(carol.address)
                && call.state() == CallState.CONNECTED);
        assertThat(bob.awaitState(aliceToBob, CallState.ENDED).end()).contains(CallEndReason.REMOTE_HUNG_UP);
        bob.heard.clear();
        carol.heard.clear();
        assertHears(bob, 1500, 1);
        assertHears(carol, 600, 1);
        bob.calls.hangUp(bobToCarol.id());
    }

    @Test
    void anAttendedTransferHandsTheConsultedCallOverWithoutRinging() throws Exception {
        Phone alice = phone("alice", 1000, AudioCapabilities.defaults());
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());
        Phone carol = phone("carol", 1500, AudioCapabilities.defaults());
        String aliceToBob = connect(alice, bob);
        alice.calls.hold(aliceToBob, true);
        alice.awaitState(aliceToBob, CallState.ON_HOLD);
        String aliceToCarol = connect(alice, carol);

        alice.calls.transfer(aliceToBob, aliceToCarol);

        assertThat(alice.awaitState(aliceToBob, CallState.ENDED).end()).contains(CallEndReason.TRANSFERRED);
        assertThat(alice.awaitState(aliceToCarol, CallState.ENDED).end()).isPresent();
        Call carolSide = carol.awaitCall(call -> !call.outgoing() && call.remote().equals(bob.address)
                && call.state() == CallState.CONNECTED);
        assertThat(carol.awaitState(aliceToCarol, CallState.ENDED).end()).contains(CallEndReason.REPLACED);
        bob.heard.clear();
        carol.heard.clear();
        assertHears(bob, 1500, 1);
        assertHears(carol, 600, 1);
        carol.calls.hangUp(carolSide.id());
    }

    private String connect(Phone alice, Phone bob) throws Exception {
        Call dialled = alice.calls.dial(bob.address);
        Call ringing = bob.awaitState(CallState.INCOMING);
        bob.calls.answer(ringing.id());
        alice.awaitState(dialled.id(), CallState.CONNECTED);
        assertHears(bob, 1000, 0.5);
        return dialled.id();
    }

    private Phone phone(String prefix, double tone, AudioCapabilities capabilities) throws Exception {
        String name = users.newUser(prefix);
        return phone(name, users.registeredAgent(name), tone, capabilities, SrtpPolicy.OFF);
    }

    private Phone udpPhone(String prefix, double tone, SrtpPolicy policy) throws Exception {
        String name = users.newUser(prefix);
        return phone(name, users.registeredAgent(name), tone, AudioCapabilities.defaults(), policy);
    }

    /** A phone signed in over TLS (trusting the bundled server's certificate), encrypting as {@code policy} says. */
    private Phone securePhone(String prefix, double tone, SrtpPolicy policy) throws Exception {
        String name = users.newUser(prefix);
        SipAccount account = SipAccount.of(users.address(name), ServerUsers.password(name),
                new SipProxy("127.0.0.1", SERVER.sipTlsPort(), SipTransport.TLS))
                .withTlsTrust(SipTlsTrust.system().withTrustedFingerprint(SERVER.certificateFingerprint()));
        SipUserAgent agent = users.closeAfter(SipUserAgent.start(new SipStackFactory(), account,
                SipUserAgentSettings.defaults()));
        agent.registration().register().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return phone(name, agent, tone, AudioCapabilities.defaults(), policy);
    }

    private Phone phone(String name, SipUserAgent agent, double tone, AudioCapabilities capabilities,
                        SrtpPolicy policy) {
        RecordingSink heard = new RecordingSink(30);
        SoftphoneCalls calls = users.closeAfter(new SoftphoneCalls(agent.calls(), engine,
                (media, local) -> media.openAudio(local, new ToneSource(tone, 0.3), heard),
                capabilities, LOOPBACK, Clock.systemUTC(), Runnable::run, () -> policy, agent::signallingSecure));
        return new Phone(users.address(name), calls, heard);
    }

    @Test
    void twoClientsSignedInOverTlsTalkWithEncryptedAudio() throws Exception {
        Phone alice = securePhone("alice", 1000, SrtpPolicy.OPTIONAL);
        Phone bob = securePhone("bob", 600, SrtpPolicy.OPTIONAL);
        bob.answerEverything();

        Call dialled = alice.calls.dial(bob.address);
        alice.awaitState(dialled.id(), CallState.CONNECTED);

        assertHears(bob, 1000, 1.5);
        assertHears(alice, 600, 1.5);
        assertThat(alice.calls.statistics(dialled.id())).hasValueSatisfying(s -> assertThat(s.encrypted()).isTrue());
        String bobsCall = bob.awaitState(CallState.CONNECTED).id();
        assertThat(bob.calls.statistics(bobsCall)).hasValueSatisfying(s -> assertThat(s.encrypted()).isTrue());
        alice.calls.hangUp(dialled.id());
    }

    @Test
    void overUdpEvenEncryptionWhenPossibleLeavesTheAudioPlain() throws Exception {
        Phone alice = udpPhone("alice", 1000, SrtpPolicy.OPTIONAL);
        Phone bob = securePhone("bob", 600, SrtpPolicy.OPTIONAL);
        bob.answerEverything();

        Call dialled = alice.calls.dial(bob.address);
        alice.awaitState(dialled.id(), CallState.CONNECTED);

        assertHears(bob, 1000, 1);
        assertThat(alice.calls.statistics(dialled.id())).hasValueSatisfying(s -> assertThat(s.encrypted()).isFalse());
        alice.calls.hangUp(dialled.id());
    }

    @Test
    void encryptionRequiredWithoutTlsRefusesToCallAndSaysWhy() throws Exception {
        Phone alice = udpPhone("alice", 1000, SrtpPolicy.REQUIRED);
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());

        assertThatThrownBy(() -> alice.calls.dial(bob.address))
                .isInstanceOf(io.switchboard.core.service.NotConnectedException.class)
                .hasMessageContaining("not secure (TLS)");
    }

    @Test
    void anEncryptedOnlyCallToAPhoneThatDoesNotEncryptEndsWith488() throws Exception {
        Phone alice = securePhone("alice", 1000, SrtpPolicy.REQUIRED);
        Phone bob = phone("bob", 600, AudioCapabilities.defaults());

        Call dialled = alice.calls.dial(bob.address);

        Call ended = alice.awaitState(dialled.id(), CallState.ENDED);
        assertThat(ended.end()).contains(CallEndReason.NO_COMMON_MEDIA);
        assertThat(bob.seen).isEmpty();
    }

    private static void assertHears(Phone phone, double frequency, double seconds) {
        await().atMost(WAIT).until(() -> phone.heard.snapshot().durationMillis() >= seconds * 1000 + 200);
        RecordingSink.Recording recording = phone.heard.snapshot();
        short[] samples = recording.samples();
        int from = recording.sampleRate() / 5;
        assertThat(ToneDetector.dominantFrequency(samples, from, samples.length, recording.sampleRate(), 100, 3400, 10))
                .as("dominant frequency %s hears", phone.address).isBetween(frequency - 20, frequency + 20);
        assertThat(ToneDetector.rms(samples, from, samples.length)).as("level").isGreaterThan(0.05);
    }

    private static void assertSilent(Phone phone) {
        short[] samples = phone.heard.snapshot().samples();
        assertThat(ToneDetector.rms(samples, 0, samples.length)).as("level %s hears", phone.address).isLessThan(0.01);
    }

    /** One user's softphone, what it heard, and the calls and digits it was told of. */
    private static final class Phone implements CallService.CallListener {
        final Address address;
        final SoftphoneCalls calls;
        final RecordingSink heard;
        final List<Call> seen = new CopyOnWriteArrayList<>();
        final Map<String, Call> latest = new ConcurrentHashMap<>();
        final List<Character> digits = new CopyOnWriteArrayList<>();

        Phone(Address address, SoftphoneCalls calls, RecordingSink heard) {
            this.address = address;
            this.calls = calls;
            this.heard = heard;
            calls.addListener(this);
        }

        @Override
        public void callChanged(Call call) {
            seen.add(call);
            latest.put(call.id(), call);
        }

        @Override
        public void dtmfReceived(String callId, char digit) {
            digits.add(digit);
        }

        /** Answers every call that rings here from now on. */
        void answerEverything() {
            calls.addListener(call -> {
                if (call.state() == CallState.INCOMING) {
                    try {
                        calls.answer(call.id());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        Call awaitCall(java.util.function.Predicate<Call> wanted) {
            return await().atMost(WAIT).until(() -> latest.values().stream().filter(wanted).findFirst().orElse(null),
                    java.util.Objects::nonNull);
        }

        Call awaitState(CallState state) {
            return await().atMost(WAIT).until(() -> seen.stream().filter(c -> c.state() == state).findFirst().orElse(null),
                    java.util.Objects::nonNull);
        }

        Call awaitState(String id, CallState state) {
            return await().atMost(WAIT).until(() -> latest.get(id), c -> c != null && c.state() == state);
        }
    }
}
