package io.switchboard.app.phone;

import io.switchboard.app.ui.Scheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.model.CallStatistics;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's window: who, where the call is, how long we have talked, the audio quality, and
 * mute, hold, keypad, transfer (blind, or attended after a consultation call), volume, devices
 * and hang up. Follows the call's snapshots ({@link #update}, from {@link PhoneViewModel}); the
 * view calls {@link #tick()} once a second for the timer, whose text comes from the injected
 * clock, and the quality, asked of the call service on a worker.
 * Once the call has ended the window is asked to close, a few seconds later so the user reads
 * why, or at once when the user hung up. Used on the UI thread only.
 */
public final class CallViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CallViewModel.class);
    /** How long an ended call's window stays, so "Ended: Busy" can be read. */
    public static final Duration CLOSE_AFTER_END = Duration.ofSeconds(4);
    /** The keypad's keys, in the order of a phone's keypad. */
    public static final String KEYS = "123456789*0#";

    private final CallService calls;
    private final Scheduler scheduler;
    private final Clock clock;
    private final CallWindowServices services;
    private final String id;
    private final Address remote;
    private Call call;
    private Instant endedAt;
    private boolean hungUpHere;

    private final ReadOnlyStringWrapper partyName = new ReadOnlyStringWrapper(this, "partyName");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText");
    private final ReadOnlyStringWrapper timerText = new ReadOnlyStringWrapper(this, "timerText", "");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyBooleanWrapper onHold = new ReadOnlyBooleanWrapper(this, "onHold");
    private final ReadOnlyBooleanWrapper inProgress = new ReadOnlyBooleanWrapper(this, "inProgress");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper(this, "closeRequested");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper(this, "qualityText", "");
    private final ReadOnlyObjectWrapper<CallStatistics.Level> qualityLevel =
            new ReadOnlyObjectWrapper<>(this, "qualityLevel");
    private final DoubleProperty volume = new SimpleDoubleProperty(this, "volume");
    private final StringProperty transferTarget = new SimpleStringProperty(this, "transferTarget", "");
    /** For a consultation call: the call it may be transferred into, and that call's party. */
    private final ReadOnlyStringWrapper consultationFor = new ReadOnlyStringWrapper(this, "consultationFor", "");
    private String originalCallId;
    private boolean askingQuality;
    /** The desk line the call is on, fixed at its start: a call stays on the phone it began on. */
    private final Optional<String> deskLine;

    public CallViewModel(Call call, String partyName, CallWindowServices services) {
        this.call = Objects.requireNonNull(call, "call");
        this.id = call.id();
        this.remote = call.remote();
        this.services = Objects.requireNonNull(services, "services");
        this.calls = services.calls();
        this.scheduler = services.scheduler();
        this.clock = services.clock();
        this.partyName.set(Objects.requireNonNull(partyName, "partyName"));
        this.deskLine = services.deskLine().get();
        volume.set(services.audio().volume());
        volume.addListener((obs, was, now) -> services.audio().setVolume(now.doubleValue()));
        show(call);
    }

    public String callId() {
        return id;
    }

    public Address remote() {
        return remote;
    }

    public String partyAddress() {
        return remote.toString();
    }

    /** Whether the call is on the desk phone: its audio, mute and quality are the phone's, not ours. */
    public boolean onDeskPhone() {
        return deskLine.isPresent();
    }

    /** "Desk phone 1001" for a call on the desk phone; "" for one on this computer. */
    public String phoneText() {
        return deskLine.map(line -> "Desk phone " + line).orElse("");
    }

    public ReadOnlyStringProperty partyNameProperty() {
        return partyName.getReadOnlyProperty();
    }

    /** "Calling…", "Ringing…", "Connected", "On hold", "Held by the other side", "Ended: Busy". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** {@code mm:ss} since the call was answered; empty before. Stops when the call ends. */
    public ReadOnlyStringProperty timerTextProperty() {
        return timerText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    /** Whether I hold the call. */
    public ReadOnlyBooleanProperty onHoldProperty() {
        return onHold.getReadOnlyProperty();
    }

    /** Answered and not ended: mute, hold and the keypad work. */
    public ReadOnlyBooleanProperty inProgressProperty() {
        return inProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /** Becomes true when the window should go. */
    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    /** What went wrong with the last action (hold refused, no keypad tones), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Good · MOS 4.4 · loss 0.0 % · jitter 2 ms · RTT 1 ms" while audio flows, else "". */
    public ReadOnlyStringProperty qualityTextProperty() {
        return qualityText.getReadOnlyProperty();
    }

    /** The quality band for the indicator's colour; null while unknown. */
    public ReadOnlyObjectProperty<CallStatistics.Level> qualityLevelProperty() {
        return qualityLevel.getReadOnlyProperty();
    }

    /** The call volume, 0 to 1, shared by all calls. */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    /** What the transfer field holds: a name, address or number, as in the dial box. */
    public StringProperty transferTargetProperty() {
        return transferTarget;
    }

    /** For a consultation call, the name of the party of the call it can be transferred into; else "". */
    public ReadOnlyStringProperty consultationForProperty() {
        return consultationFor.getReadOnlyProperty();
    }

    /** The microphones to choose from in this window, the chosen one marked. */
    public List<AudioDeviceChoice> microphoneChoices() {
        return AudioDeviceChoice.of(services.audio().microphones(), services.audio().microphone());
    }

    public List<AudioDeviceChoice> speakerChoices() {
        return AudioDeviceChoice.of(services.audio().speakers(), services.audio().speaker());
    }

    public void useMicrophone(AudioDeviceChoice choice) {
        services.audio().useMicrophone(choice.name());
    }

    public void useSpeaker(AudioDeviceChoice choice) {
        services.audio().useSpeaker(choice.name());
    }

    /** Blind transfer: the other party is sent to the target and this call ends when it is accepted. */
    public void transferNow() {
        Address target = transferTarget();
        if (target != null) {
            act("The call could not be transferred", () -> calls.transfer(id, target));
        }
    }

    /** Attended transfer, first half: holds this call and calls the target to talk first. */
    public void consultFirst() {
        Address target = transferTarget();
        if (target != null) {
            services.consultations().consult(this, target);
        }
    }

    /** Attended transfer, second half (in the consultation call's window): joins the two other parties. */
    public void completeTransfer() {
        if (originalCallId != null) {
            act("The transfer could not be completed", () -> calls.transfer(originalCallId, id));
        }
    }

    /** This call consults before transferring {@code original} into it. */
    void consultationOf(CallViewModel original) {
        originalCallId = original.callId();
        consultationFor.set(original.partyNameProperty().get());
    }

    /** A transfer this window asked for did not happen. */
    /** The desk phone refused what the user asked (hold, a key...): said in the window. */
    void requestFailed(String reason) {
        error.set("The desk phone did not do it: " + reason);
    }

    void transferFailed(String reason) {
        error.set("The transfer did not happen: " + reason);
    }

    private Address transferTarget() {
        try {
            return DialTarget.parse(transferTarget.get(), services.self());
        } catch (InvalidAddressException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** A new snapshot of this call. */
    public void update(Call next) {
        if (!next.id().equals(id) || ended.get()) {
            return;
        }
        call = next;
        show(next);
    }

    private void show(Call snapshot) {
        CallState state = snapshot.state();
        stateText.set(CallTexts.state(snapshot));
        muted.set(snapshot.muted());
        onHold.set(state == CallState.ON_HOLD);
        inProgress.set(state.isInProgress());
        if (state == CallState.ENDED) {
            endedAt = clock.instant();
            ended.set(true);
            tick();
            if (hungUpHere) {
                closeRequested.set(true);
            } else {
                scheduler.schedule(CLOSE_AFTER_END, () -> closeRequested.set(true));
            }
        } else {
            tick();
        }
    }

    /** Brings the timer up to the clock and asks for the quality; the view calls it once a second. */
    public void tick() {
        timerText.set(call.connectedAt()
                .map(from -> CallTexts.duration(Duration.between(from, endedAt != null ? endedAt : clock.instant())))
                .orElse(""));
        if (!call.state().isInProgress()) {
            qualityText.set("");
            qualityLevel.set(null);
        } else if (!askingQuality) {
            askingQuality = true;
            services.background().submit("quality of call " + id, () -> calls.statistics(id), this::showQuality,
                    failure -> askingQuality = false);
        }
    }

    private void showQuality(Optional<CallStatistics> statistics) {
        askingQuality = false;
        boolean flowing = statistics.isPresent() && call.state().isInProgress();
        qualityText.set(flowing ? CallTexts.quality(statistics.get()) : "");
        qualityLevel.set(flowing ? statistics.get().level() : null);
    }

    /** Hang up: ends the call and closes the window at once. */
    public void hangUp() {
        hungUpHere = true;
        if (ended.get()) {
            closeRequested.set(true);
            return;
        }
        calls.hangUp(id);
        // the service reports the end as a snapshot; the window need not wait for it
        closeRequested.set(true);
    }

    public void toggleMute() {
        if (!ended.get()) {
            calls.mute(id, !muted.get());
        }
    }

    public void toggleHold() {
        if (!inProgress.get()) {
            return;
        }
        boolean hold = !onHold.get();
        act(hold ? "The call could not be put on hold" : "The call could not be resumed", () -> calls.hold(id, hold));
    }

    /** A key of the keypad (or typed in the window): sent as a DTMF tone. Other characters are ignored. */
    public void pressKey(char key) {
        if (KEYS.indexOf(key) < 0 || !inProgress.get()) {
            return;
        }
        act("The key could not be sent", () -> calls.sendDtmf(id, key));
    }

    public void dismissError() {
        error.set("");
    }

    /** The session ends: the window goes now, whatever the call's state. */
    void closeNow() {
        closeRequested.set(true);
    }

    private void act(String failure, Action action) {
        try {
            action.run();
            error.set("");
        } catch (ServiceException | IllegalStateException e) {
            LOG.info("Call {}: {}: {}", id, failure, e.getMessage());
            error.set(failure + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws ServiceException;
    }
}
