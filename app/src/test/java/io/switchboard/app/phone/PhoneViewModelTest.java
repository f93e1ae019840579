package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.service.NotConnectedException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import org.junit.jupiter.api.Test;

class PhoneViewModelTest {

    private static final Address BOB = Address.parse("bob@example.com");
    private static final Address CAROL = Address.parse("carol@example.com");
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final DirectUi ui = new DirectUi();
    private final FakeCallService service = new FakeCallService();
    private final List<Call> history = new ArrayList<>();
    private final List<IncomingCallViewModel> incomingWindows = new ArrayList<>();
    private final List<CallViewModel> callWindows = new ArrayList<>();
    private final ContactLookup contacts = new ContactLookup() {
        @Override
        public String displayName(Address who) {
            return who.equals(BOB) ? "Bob Brown" : who.toString();
        }

        @Override
        public ObservableValue<PresenceColour> presence(Address who) {
            return new ReadOnlyObjectWrapper<>(PresenceColour.GREEN);
        }
    };
    private final PhoneViewModel phone = new PhoneViewModel(ui, ui, new ManualScheduler(),
            Clock.fixed(T0, ZoneOffset.UTC), Address.parse("alice@example.com"), contacts, new InMemoryCallAudio(),
            history::add);

    PhoneViewModelTest() {
        phone.onIncomingCall(incomingWindows::add);
        phone.onCallWindow(callWindows::add);
    }

    @Test
    void callsWaitForTheSoftphoneToStart() {
        assertThat(phone.availableProperty().get()).isFalse();
        assertThat(phone.unavailableReasonProperty().get()).isEqualTo("Starting the audio engine…");

        phone.call(BOB);
        assertThat(phone.errorProperty().get()).isEqualTo("Cannot call bob@example.com: Starting the audio engine…");

        phone.attach(service);
        assertThat(phone.availableProperty().get()).isTrue();
        assertThat(phone.unavailableReasonProperty().get()).isEmpty();
    }

    @Test
    void aSoftphoneThatCannotStartSaysWhy() {
        phone.unavailable("Calls are unavailable: no free RTP port");

        assertThat(phone.availableProperty().get()).isFalse();
        assertThat(phone.unavailableReasonProperty().get()).isEqualTo("Calls are unavailable: no free RTP port");
    }

    @Test
    void aPlacedCallOpensOneWindowWithTheContactsName() {
        phone.attach(service);

        phone.call(BOB);

        assertThat(service.actions).containsExactly("dial bob@example.com");
        assertThat(callWindows).singleElement().satisfies(w -> {
            assertThat(w.partyNameProperty().get()).isEqualTo("Bob Brown");
            assertThat(w.stateTextProperty().get()).isEqualTo("Calling…");
        });
        String id = callWindows.get(0).callId();

        service.fire(Call.placed(id, BOB, T0).withState(CallState.RINGING));
        service.fire(Call.placed(id, BOB, T0).connected(T0));

        assertThat(callWindows).hasSize(1);
        assertThat(callWindows.get(0).stateTextProperty().get()).isEqualTo("Connected");
        assertThat(incomingWindows).isEmpty();
    }

    @Test
    void theDialsOwnLateResultDoesNotOpenASecondWindowNorReviveAnEndedCall() {
        phone.attach(service);
        Call placed = Call.placed("out-1", BOB, T0);
        service.fire(placed);
        service.fire(placed.ended(CallEndReason.NOT_FOUND, "404 Not Found"));

        phone.call(BOB);   // the fake's dial returns out-1 too: its result arrives after the events

        assertThat(callWindows).hasSize(1);
        assertThat(callWindows.get(0).stateTextProperty().get()).isEqualTo("Ended: Not found");
        assertThat(phone.callWindows()).isEmpty();
    }

    @Test
    void aFailedDialIsShown() {
        phone.attach(service);
        service.failNextWith(new NotConnectedException("Cannot start the call's audio: no free port"));

        phone.call(BOB);

        assertThat(callWindows).isEmpty();
        assertThat(phone.errorProperty().get())
                .isEqualTo("Cannot call bob@example.com: Cannot start the call's audio: no free port");
    }

    @Test
    void anIncomingCallRingsInItsOwnWindowAndOpensTheCallWindowOnceAnswered() {
        phone.attach(service);
        Call ringing = Call.ringingHere("in-1", CAROL, T0);

        service.fire(ringing);

        assertThat(incomingWindows).singleElement().satisfies(w -> {
            assertThat(w.callerNameProperty().get()).isEqualTo("carol@example.com");
            assertThat(w.closedProperty().get()).isFalse();
        });
        assertThat(callWindows).isEmpty();

        incomingWindows.get(0).answer();
        service.fire(ringing.connected(T0));

        assertThat(service.actions).containsExactly("answer in-1");
        assertThat(incomingWindows.get(0).closedProperty().get()).isTrue();
        assertThat(callWindows).singleElement()
                .satisfies(w -> assertThat(w.stateTextProperty().get()).isEqualTo("Connected"));
        assertThat(phone.incomingCalls()).isEmpty();
    }

    @Test
    void aRingingCallerIsNamedFromTheCompanyDirectoryKeepingTheirAddress() {
        phone.identifyCallersWith((caller, found) -> {
            if (caller.equals(CAROL)) {
                found.accept(new CallerDirectory.CallerIdentity("Carol Clark", "Designer, Product"));
            }
        });
        phone.attach(service);

        service.fire(Call.ringingHere("in-1", CAROL, T0));
        service.fire(Call.ringingHere("in-2", BOB, T0));

        assertThat(incomingWindows.get(0).callerNameProperty().get()).isEqualTo("Carol Clark");
        assertThat(incomingWindows.get(0).callerRoleProperty().get()).isEqualTo("Designer, Product");
        assertThat(incomingWindows.get(0).callerAddress()).isEqualTo("carol@example.com");
        assertThat(incomingWindows.get(1).callerNameProperty().get()).as("not in the directory: the buddy list's name")
                .isEqualTo("Bob Brown");
        assertThat(incomingWindows.get(1).callerRoleProperty().get()).isEmpty();
    }

    @Test
    void aCallTheCallerGivesUpClosesItsWindowAndGoesToTheHistoryAsMissed() {
        phone.attach(service);
        Call ringing = Call.ringingHere("in-1", CAROL, T0);
        service.fire(ringing);

        service.fire(ringing.ended(CallEndReason.REMOTE_HUNG_UP, ""));

        assertThat(incomingWindows.get(0).closedProperty().get()).isTrue();
        assertThat(callWindows).isEmpty();
        assertThat(history).singleElement().satisfies(c -> assertThat(c.isMissed()).isTrue());
    }

    @Test
    void everyEndedCallGoesToTheHistoryOnce() {
        phone.attach(service);
        Call placed = Call.placed("out-9", BOB, T0);
        service.fire(placed);
        service.fire(placed.connected(T0));
        Call ended = placed.connected(T0).ended(CallEndReason.HUNG_UP, "");
        service.fire(ended);
        service.fire(ended);

        assertThat(history).containsExactly(ended);
    }

    @Test
    void aCallRingingBeforeTheListenerCameIsShownToo() {
        service.fire(Call.ringingHere("early", CAROL, T0));

        phone.attach(service);

        assertThat(incomingWindows).singleElement().satisfies(w -> assertThat(w.callId()).isEqualTo("early"));
    }

    @Test
    void disposingStopsListeningAndClosesEveryWindow() {
        phone.attach(service);
        service.fire(Call.ringingHere("in-1", CAROL, T0));
        service.fire(Call.placed("out-1", BOB, T0));

        phone.dispose();

        assertThat(service.listenerCount()).isZero();
        assertThat(incomingWindows.get(0).closedProperty().get()).isTrue();
        assertThat(callWindows.get(0).closeRequestedProperty().get()).isTrue();
    }

    @Test
    void consultFirstHoldsTheCallAndCallsTheTargetWhoseWindowCanCompleteTheTransfer() {
        phone.attach(service);
        phone.call(BOB);
        CallViewModel first = callWindows.get(0);
        service.fire(Call.placed(first.callId(), BOB, T0).connected(T0));

        first.transferTargetProperty().set("carol");
        first.consultFirst();

        assertThat(service.actions).containsExactly("dial bob@example.com", "hold " + first.callId() + " true",
                "dial carol@example.com");
        assertThat(callWindows).hasSize(2);
        CallViewModel consultation = callWindows.get(1);
        assertThat(consultation.consultationForProperty().get()).isEqualTo("Bob Brown");

        consultation.completeTransfer();
        assertThat(service.actions).last().isEqualTo("transfer " + first.callId() + " " + consultation.callId());
    }

    @Test
    void aFailedTransferReachesTheCallsWindow() {
        phone.attach(service);
        phone.call(BOB);
        CallViewModel window = callWindows.get(0);

        service.failTransfer(window.callId(), "403 Forbidden");

        assertThat(window.errorProperty().get()).isEqualTo("The transfer did not happen: 403 Forbidden");
    }
}
