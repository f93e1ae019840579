package io.switchboard.app.phone;

import io.switchboard.app.ui.Scheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's window: who, where the call is, how long we have talked, and mute, hold, keypad and
 * hang up. Follows the call's snapshots ({@link #update}, from {@link PhoneViewModel}); the view
 * calls {@link #tick()} once a second for the timer, whose text comes from the injected clock.
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

    public CallViewModel(Call call, String partyName, CallService calls, Scheduler scheduler, Clock clock) {
        this.call = Objects.requireNonNull(call, "call");
        this.id = call.id();
        this.remote = call.remote();
        this.calls = Objects.requireNonNull(calls, "calls");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.partyName.set(Objects.requireNonNull(partyName, "partyName"));
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

    /** Brings the timer up to the clock; the view calls it once a second. */
    public void tick() {
        timerText.set(call.connectedAt()
                .map(from -> CallTexts.duration(Duration.between(from, endedAt != null ? endedAt : clock.instant())))
                .orElse(""));
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
