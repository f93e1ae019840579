package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.model.CallStatistics;
import io.switchboard.core.service.NotConnectedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallViewModelTest {

    private static final Address BOB = Address.parse("bob@example.com");
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final FakeCallService service = new FakeCallService();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Call placed = Call.placed("c1", BOB, T0);
    private final DirectUi ui = new DirectUi();
    private final InMemoryCallAudio audio = new InMemoryCallAudio();
    private final List<String> consulted = new ArrayList<>();
    private final CallViewModel vm = new CallViewModel(placed, "Bob Brown", new CallWindowServices(service, ui,
            scheduler, clock, Address.parse("alice@example.com"), audio,
            (original, target) -> consulted.add(original.callId() + " -> " + target)));

    @Test
    void followsTheCallFromCallingToConnected() {
        assertThat(vm.partyNameProperty().get()).isEqualTo("Bob Brown");
        assertThat(vm.partyAddress()).isEqualTo("bob@example.com");
        assertThat(vm.stateTextProperty().get()).isEqualTo("Calling…");
        assertThat(vm.timerTextProperty().get()).isEmpty();
        assertThat(vm.inProgressProperty().get()).isFalse();

        vm.update(placed.withState(CallState.RINGING));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Ringing…");

        advance(Duration.ofSeconds(5));
        vm.update(placed.connected(now.get()));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Connected");
        assertThat(vm.timerTextProperty().get()).isEqualTo("00:00");
        assertThat(vm.inProgressProperty().get()).isTrue();
    }

    @Test
    void theTimerCountsFromTheAnswerOnEachTickAndStopsAtTheEnd() {
        Call connected = placed.connected(T0);
        vm.update(connected);
        advance(Duration.ofSeconds(75));
        assertThat(vm.timerTextProperty().get()).as("no tick yet").isEqualTo("00:00");

        vm.tick();
        assertThat(vm.timerTextProperty().get()).isEqualTo("01:15");

        vm.update(connected.ended(CallEndReason.REMOTE_HUNG_UP, ""));
        advance(Duration.ofSeconds(30));
        vm.tick();
        assertThat(vm.timerTextProperty().get()).isEqualTo("01:15");
    }

    @Test
    void theTimerGoesOnCountingMinutesPastTheHour() {
        assertThat(CallTexts.duration(Duration.ofMinutes(62).plusSeconds(3))).isEqualTo("62:03");
        assertThat(CallTexts.duration(Duration.ofSeconds(9))).isEqualTo("00:09");
    }

    @Test
    void holdAndResumeFollowTheCall() {
        Call connected = placed.connected(T0);
        vm.update(connected);

        vm.toggleHold();
        assertThat(service.actions).containsExactly("hold c1 true");
        vm.update(connected.withState(CallState.ON_HOLD));
        assertThat(vm.stateTextProperty().get()).isEqualTo("On hold");
        assertThat(vm.onHoldProperty().get()).isTrue();

        vm.toggleHold();
        assertThat(service.actions).containsExactly("hold c1 true", "hold c1 false");

        vm.update(connected.withState(CallState.HELD));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Held by the other side");
        assertThat(vm.onHoldProperty().get()).isFalse();
    }

    @Test
    void muteAsksTheServiceAndTheSnapshotShowsIt() {
        Call connected = placed.connected(T0);
        vm.update(connected);

        vm.toggleMute();
        assertThat(service.actions).containsExactly("mute c1 true");
        assertThat(vm.mutedProperty().get()).as("until the call says so").isFalse();
        vm.update(connected.withMuted(true));
        assertThat(vm.mutedProperty().get()).isTrue();
        vm.toggleMute();
        assertThat(service.actions).containsExactly("mute c1 true", "mute c1 false");
    }

    @Test
    void keypadKeysAreSentOnlyWhileTheCallIsInProgress() {
        vm.pressKey('5');
        assertThat(service.actions).as("not yet answered").isEmpty();

        vm.update(placed.connected(T0));
        for (char key : "1*#0x".toCharArray()) {
            vm.pressKey(key);
        }
        assertThat(service.actions).containsExactly("dtmf c1 1", "dtmf c1 *", "dtmf c1 #", "dtmf c1 0");
    }

    @Test
    void aRefusedActionIsShownAndClearedByTheNextSuccess() {
        vm.update(placed.connected(T0));
        service.failNextWith(new NotConnectedException("The other side does not take keypad tones (RFC 4733)"));

        vm.pressKey('9');
        assertThat(vm.errorProperty().get()).isEqualTo(
                "The key could not be sent: The other side does not take keypad tones (RFC 4733)");

        vm.pressKey('9');
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anEndedCallSaysWhyAndClosesAFewSecondsLater() {
        vm.update(placed.ended(CallEndReason.BUSY, "486 Busy Here"));

        assertThat(vm.stateTextProperty().get()).isEqualTo("Ended: Busy");
        assertThat(vm.endedProperty().get()).isTrue();
        assertThat(vm.closeRequestedProperty().get()).isFalse();

        scheduler.advance(CallViewModel.CLOSE_AFTER_END.minusMillis(1));
        assertThat(vm.closeRequestedProperty().get()).isFalse();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(vm.closeRequestedProperty().get()).isTrue();
    }

    @Test
    void hangingUpEndsTheCallAndClosesAtOnce() {
        vm.update(placed.connected(T0));

        vm.hangUp();

        assertThat(service.actions).containsExactly("hangUp c1");
        assertThat(vm.closeRequestedProperty().get()).isTrue();
        vm.update(placed.connected(T0).ended(CallEndReason.HUNG_UP, ""));
        assertThat(scheduler.pending()).as("no delayed close after a hang-up here").isZero();
    }

    @Test
    void snapshotsOfOtherCallsAndAfterTheEndAreIgnored() {
        vm.update(Call.placed("other", BOB, T0).withState(CallState.RINGING));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Calling…");

        vm.update(placed.ended(CallEndReason.NO_ANSWER, ""));
        vm.update(placed.withState(CallState.RINGING));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Ended: No answer");
    }

    @ParameterizedTest
    @CsvSource({
            "BUSY, Busy", "DECLINED, Declined", "NO_ANSWER, No answer", "NOT_FOUND, Not found",
            "UNAVAILABLE, Unavailable", "NO_COMMON_MEDIA, No common audio codec", "HUNG_UP, Cancelled"})
    void unansweredOutgoingCallsEndInWords(CallEndReason reason, String words) {
        assertThat(CallTexts.state(placed.ended(reason, ""))).isEqualTo("Ended: " + words);
    }

    @Test
    void theEndsOfAnsweredAndFailedCallsInWords() {
        Call talked = placed.connected(T0);
        assertThat(CallTexts.state(talked.ended(CallEndReason.HUNG_UP, ""))).isEqualTo("Ended: You hung up");
        assertThat(CallTexts.state(talked.ended(CallEndReason.REMOTE_HUNG_UP, "")))
                .isEqualTo("Ended: The other side hung up");
        assertThat(CallTexts.state(placed.ended(CallEndReason.FAILED, "500 Server Internal Error")))
                .isEqualTo("Ended: Failed (500 Server Internal Error)");
        assertThat(CallTexts.state(Call.ringingHere("i", BOB, T0).ended(CallEndReason.REMOTE_HUNG_UP, "")))
                .isEqualTo("Ended: Missed");
    }

    private void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void theQualityIndicatorShowsTheCallsStatisticsWhileAudioFlows() {
        vm.tick();
        assertThat(vm.qualityTextProperty().get()).isEmpty();

        vm.update(placed.connected(T0));
        service.reportStatistics("c1", new CallStatistics(0.0, 2.4, 1, 4.4, 250, true));
        vm.tick();
        assertThat(vm.qualityTextProperty().get()).isEqualTo("Encrypted · Good · MOS 4.4 · loss 0.0 % · jitter 2 ms · RTT 1 ms");
        assertThat(vm.qualityLevelProperty().get()).isEqualTo(CallStatistics.Level.GOOD);

        service.reportStatistics("c1", new CallStatistics(12.5, 40, -1, 2.9, 300, false));
        vm.tick();
        assertThat(vm.qualityTextProperty().get()).isEqualTo("Poor · MOS 2.9 · loss 12.5 % · jitter 40 ms");
        assertThat(vm.qualityLevelProperty().get()).isEqualTo(CallStatistics.Level.POOR);

        vm.update(placed.connected(T0).ended(CallEndReason.HUNG_UP, ""));
        assertThat(vm.qualityTextProperty().get()).isEmpty();
        assertThat(vm.qualityLevelProperty().get()).isNull();
    }

    @Test
    void theVolumeSliderSetsTheCallVolume() {
        assertThat(vm.volumeProperty().get()).isEqualTo(1.0);

        vm.volumeProperty().set(0.4);

        assertThat(audio.volume()).isEqualTo(0.4);
    }

    @Test
    void theDeviceMenuMarksTheChoiceAndAnUnpluggedOne() {
        audio.useMicrophone("Bluetooth headset");

        assertThat(vm.microphoneChoices()).containsExactly(
                new AudioDeviceChoice("", "System default", false),
                new AudioDeviceChoice("Laptop microphone", "Laptop microphone", false),
                new AudioDeviceChoice("USB Headset", "USB Headset", false),
                new AudioDeviceChoice("Bluetooth headset", "Bluetooth headset (not connected)", true));
        assertThat(vm.speakerChoices()).first().isEqualTo(new AudioDeviceChoice("", "System default", true));

        vm.useMicrophone(vm.microphoneChoices().get(2));
        vm.useSpeaker(vm.speakerChoices().get(1));

        assertThat(audio.microphone()).isEqualTo("USB Headset");
        assertThat(audio.speaker()).isEqualTo("Laptop speakers");
    }

    @Test
    void aBlindTransferGoesToTheTargetTypedAsInTheDialBox() {
        vm.update(placed.connected(T0));

        vm.transferTargetProperty().set("carol");
        vm.transferNow();

        assertThat(service.actions).contains("transfer c1 carol@example.com");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aTransferTargetThatNamesNobodyIsExplained() {
        vm.update(placed.connected(T0));

        vm.transferTargetProperty().set("  ");
        vm.transferNow();

        assertThat(service.actions).noneMatch(a -> a.startsWith("transfer"));
        assertThat(vm.errorProperty().get()).isEqualTo("Invalid address: Type a name, an address or a number to call");
    }

    @Test
    void consultFirstAsksForAConsultationCallAndItsWindowCompletesTheTransfer() {
        vm.update(placed.connected(T0));
        vm.transferTargetProperty().set("sip:carol@example.com");

        vm.consultFirst();
        assertThat(consulted).containsExactly("c1 -> carol@example.com");

        Call consultation = Call.placed("c2", Address.parse("carol@example.com"), T0).connected(T0);
        CallViewModel second = new CallViewModel(consultation, "Carol", new CallWindowServices(service, ui, scheduler,
                clock, Address.parse("alice@example.com"), audio, (o, t) -> { }));
        assertThat(second.consultationForProperty().get()).isEmpty();
        second.consultationOf(vm);
        assertThat(second.consultationForProperty().get()).isEqualTo("Bob Brown");

        second.completeTransfer();

        assertThat(service.actions).contains("transfer c1 c2");
    }

    @Test
    void aFailedTransferIsShownInTheWindow() {
        vm.update(placed.connected(T0));

        vm.transferFailed("486 Busy Here");

        assertThat(vm.errorProperty().get()).isEqualTo("The transfer did not happen: 486 Busy Here");
    }
}
